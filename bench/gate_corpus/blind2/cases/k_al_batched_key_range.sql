BEGIN;

-- Running upgrade c41d9e07a2b3 -> 5e8f3b21c9d4

UPDATE wallets SET settings = settings || '{"v": 2}' WHERE id BETWEEN 1 AND 1000;

UPDATE alembic_version SET version_num='5e8f3b21c9d4' WHERE alembic_version.version_num = 'c41d9e07a2b3';

COMMIT;

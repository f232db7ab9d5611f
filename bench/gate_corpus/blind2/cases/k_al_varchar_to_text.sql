BEGIN;

-- Running upgrade c41d9e07a2b3 -> 5e8f3b21c9d4

SET lock_timeout = '2s';
ALTER TABLE wallets ALTER COLUMN label TYPE TEXT;

UPDATE alembic_version SET version_num='5e8f3b21c9d4' WHERE alembic_version.version_num = 'c41d9e07a2b3';

COMMIT;

BEGIN;

-- Running upgrade 3a1f -> 4b2e

CREATE INDEX ix_fills_created_at ON fills (created_at);

UPDATE alembic_version SET version_num='4b2e' WHERE alembic_version.version_num = '3a1f';

COMMIT;

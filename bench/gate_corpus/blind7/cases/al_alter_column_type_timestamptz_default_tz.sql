BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

SET lock_timeout = '2s';
ALTER TABLE accounts ALTER COLUMN created_at TYPE TIMESTAMP WITH TIME ZONE;

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;

BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

ALTER TABLE users ALTER COLUMN created_at TYPE TIMESTAMP WITH TIME ZONE;

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

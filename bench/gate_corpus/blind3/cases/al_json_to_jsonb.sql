BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

ALTER TABLE audit_log ALTER COLUMN payload TYPE JSONB USING payload::jsonb;

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

ALTER TABLE api_keys DROP CONSTRAINT api_keys_user_fk;

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

ALTER TABLE margin_accounts ADD COLUMN free_margin NUMERIC GENERATED ALWAYS AS (balance - locked_margin) STORED;

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

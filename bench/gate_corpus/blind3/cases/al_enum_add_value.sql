BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

ALTER TYPE market_status ADD VALUE 'settlement';

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

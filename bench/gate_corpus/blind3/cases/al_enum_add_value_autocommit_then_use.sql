BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042



COMMIT;

ALTER TYPE market_status ADD VALUE 'settlement';

BEGIN;

UPDATE markets SET status='settlement' WHERE markets.id = 17;

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

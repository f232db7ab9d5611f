BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

ALTER TABLE insurance_fund_events ADD COLUMN tx_hash VARCHAR(66);

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

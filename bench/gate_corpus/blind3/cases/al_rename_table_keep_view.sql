BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

ALTER TABLE insurance_fund_events RENAME TO insurance_ledger;

CREATE VIEW insurance_fund_events AS SELECT * FROM insurance_ledger;

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

CREATE INDEX CONCURRENTLY ix_funding_rates_time ON funding_rates (funding_time);

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;

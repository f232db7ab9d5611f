BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

SET lock_timeout = '2s';
CREATE TABLE ledger_entries_2027_01 PARTITION OF ledger_entries FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;

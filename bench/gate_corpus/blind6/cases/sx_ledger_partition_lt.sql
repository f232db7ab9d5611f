-- Add migration script here
SET lock_timeout = '2s';
CREATE TABLE IF NOT EXISTS ledger_entries_2027_01 PARTITION OF ledger_entries FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');

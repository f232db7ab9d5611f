SET lock_timeout = '2s';
ALTER TABLE ledger_entries_2027_01 ADD CONSTRAINT ledger_2027_01_bound CHECK (booked_at >= '2027-01-01' AND booked_at < '2027-02-01') NOT VALID;
ALTER TABLE ledger_entries_2027_01 VALIDATE CONSTRAINT ledger_2027_01_bound;
ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');

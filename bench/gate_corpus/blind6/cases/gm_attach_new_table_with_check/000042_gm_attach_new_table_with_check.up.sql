CREATE TABLE ledger_entries_2027_02 (LIKE ledger_entries INCLUDING DEFAULTS);
ALTER TABLE ledger_entries_2027_02 ADD CONSTRAINT ledger_2027_02_range CHECK (booked_on >= DATE '2027-02-01' AND booked_on < DATE '2027-03-01');
SET lock_timeout = '2s';
ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_02 FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');

SET lock_timeout = '2s';
ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');

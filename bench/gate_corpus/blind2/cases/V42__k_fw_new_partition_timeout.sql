SET lock_timeout = '2s';
CREATE TABLE ledger_entries_2027_03 PARTITION OF ledger_entries FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');

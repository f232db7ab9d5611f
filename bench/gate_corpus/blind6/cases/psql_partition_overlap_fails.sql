SET lock_timeout = '2s';
CREATE TABLE ledger_entries_late_dec PARTITION OF ledger_entries FOR VALUES FROM ('2026-12-15') TO ('2027-01-15');

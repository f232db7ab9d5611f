SET lock_timeout = '2s';
ALTER TABLE ledger_entries_2026_12 REPLICA IDENTITY FULL;

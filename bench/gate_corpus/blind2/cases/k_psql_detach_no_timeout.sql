ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10;

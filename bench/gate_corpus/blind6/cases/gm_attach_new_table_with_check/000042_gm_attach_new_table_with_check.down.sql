ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2027_02;
DROP TABLE ledger_entries_2027_02;

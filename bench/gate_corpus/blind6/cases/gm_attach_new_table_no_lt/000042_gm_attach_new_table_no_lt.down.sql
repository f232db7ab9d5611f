ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2027_03;
DROP TABLE ledger_entries_2027_03;

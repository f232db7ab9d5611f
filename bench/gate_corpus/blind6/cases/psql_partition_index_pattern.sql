SET lock_timeout = '2s';
CREATE INDEX ledger_account_idx ON ONLY ledger_entries (account);
CREATE INDEX CONCURRENTLY ledger_entries_2026_10_account_idx ON ledger_entries_2026_10 (account);
CREATE INDEX CONCURRENTLY ledger_entries_2026_11_account_idx ON ledger_entries_2026_11 (account);
CREATE INDEX CONCURRENTLY ledger_entries_2026_12_account_idx ON ledger_entries_2026_12 (account);
ALTER INDEX ledger_account_idx ATTACH PARTITION ledger_entries_2026_10_account_idx;
ALTER INDEX ledger_account_idx ATTACH PARTITION ledger_entries_2026_11_account_idx;
ALTER INDEX ledger_account_idx ATTACH PARTITION ledger_entries_2026_12_account_idx;

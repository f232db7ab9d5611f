SET lock_timeout = '2s';
CREATE INDEX ledger_entries_ref_idx ON ONLY ledger_entries (ref);
CREATE INDEX CONCURRENTLY ledger_entries_2026_10_ref_idx ON ledger_entries_2026_10 (ref);
CREATE INDEX CONCURRENTLY ledger_entries_2026_11_ref_idx ON ledger_entries_2026_11 (ref);
CREATE INDEX CONCURRENTLY ledger_entries_2026_12_ref_idx ON ledger_entries_2026_12 (ref);
ALTER INDEX ledger_entries_ref_idx ATTACH PARTITION ledger_entries_2026_10_ref_idx;
ALTER INDEX ledger_entries_ref_idx ATTACH PARTITION ledger_entries_2026_11_ref_idx;
ALTER INDEX ledger_entries_ref_idx ATTACH PARTITION ledger_entries_2026_12_ref_idx;

CREATE INDEX CONCURRENTLY ledger_entries_2026_12_ref_idx ON ledger_entries_2026_12 (ref);

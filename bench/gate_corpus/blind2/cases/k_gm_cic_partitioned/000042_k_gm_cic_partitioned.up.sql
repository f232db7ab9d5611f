CREATE INDEX CONCURRENTLY ledger_entries_ref_idx ON ledger_entries (ref);

SET lock_timeout = '2s';
CREATE INDEX ledger_entries_ref_idx ON ledger_entries (ref);

SET lock_timeout = '2s';
CREATE UNIQUE INDEX ledger_entries_ref_key ON ledger_entries (ref);

SET lock_timeout = '2s';
CREATE INDEX ledger_account_idx ON ledger_entries (account_id);

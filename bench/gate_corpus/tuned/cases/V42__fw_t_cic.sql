CREATE INDEX CONCURRENTLY balances_account_idx ON balances (account_id);

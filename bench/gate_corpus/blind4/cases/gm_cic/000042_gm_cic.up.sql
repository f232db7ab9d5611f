CREATE INDEX CONCURRENTLY IF NOT EXISTS api_keys_account_idx ON api_keys (account_id);

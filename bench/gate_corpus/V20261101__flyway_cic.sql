SET lock_timeout = '3s';
CREATE INDEX CONCURRENTLY fills_account_idx ON fills (account_id);

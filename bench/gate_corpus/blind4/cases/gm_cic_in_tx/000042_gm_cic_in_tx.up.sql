BEGIN;
CREATE INDEX CONCURRENTLY api_keys_account_idx ON api_keys (account_id);
COMMIT;

-- Add migration script here
SET lock_timeout = '2s';
CREATE INDEX api_keys_active_idx ON api_keys (account_id) WHERE revoked_at IS NULL OR revoked_at > now();

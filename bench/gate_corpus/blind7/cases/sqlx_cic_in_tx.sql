-- Add migration script here
CREATE INDEX CONCURRENTLY api_keys_revoked_idx ON api_keys (revoked_at) WHERE revoked_at IS NOT NULL;

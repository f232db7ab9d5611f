CREATE UNIQUE INDEX CONCURRENTLY api_key_usage_pkey_idx ON api_key_usage (api_key_id, day);
SET lock_timeout = '2s';
ALTER TABLE api_key_usage ADD CONSTRAINT api_key_usage_pkey PRIMARY KEY USING INDEX api_key_usage_pkey_idx;

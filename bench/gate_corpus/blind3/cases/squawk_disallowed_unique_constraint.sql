SET lock_timeout = '2s';
ALTER TABLE api_key_usage ADD CONSTRAINT api_key_usage_key UNIQUE (api_key_id, day);

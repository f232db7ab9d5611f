SET lock_timeout = '2s';
ALTER TABLE api_keys ADD CONSTRAINT api_keys_hash_key UNIQUE (key_hash);

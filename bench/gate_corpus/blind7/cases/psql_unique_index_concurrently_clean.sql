CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS api_keys_key_hash_uniq ON api_keys (key_hash);

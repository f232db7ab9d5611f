CREATE UNIQUE INDEX CONCURRENTLY api_keys_label_idx ON api_keys (label, id);
SET lock_timeout = '2s';
ALTER TABLE api_keys ADD CONSTRAINT api_keys_label_pk2 UNIQUE USING INDEX api_keys_label_idx;

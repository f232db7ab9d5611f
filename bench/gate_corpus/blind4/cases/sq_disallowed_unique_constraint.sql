SET lock_timeout = '2s';
ALTER TABLE api_keys ADD CONSTRAINT api_keys_label_uniq UNIQUE (label);

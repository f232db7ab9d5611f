SET lock_timeout = '2s';
ALTER TABLE api_key_usage ADD PRIMARY KEY (api_key_id, day);

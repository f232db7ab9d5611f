SET lock_timeout = '2s';
ALTER TABLE api_key_usage ALTER COLUMN requests SET NOT NULL;

SET lock_timeout = '2s';
ALTER TABLE api_keys ADD COLUMN rotation_token uuid DEFAULT gen_random_uuid();

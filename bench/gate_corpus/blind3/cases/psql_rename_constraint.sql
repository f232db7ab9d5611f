SET lock_timeout = '2s';
ALTER TABLE api_keys RENAME CONSTRAINT api_keys_user_fk TO api_keys_user_id_fkey;

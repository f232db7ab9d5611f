SET lock_timeout = '2s';
ALTER TABLE api_keys ALTER COLUMN key_prefix TYPE varchar(8);

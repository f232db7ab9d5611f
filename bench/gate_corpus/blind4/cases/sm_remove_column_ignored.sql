SET lock_timeout = '2s';
ALTER TABLE accounts DROP COLUMN api_flags;

SET lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN oracle_config json;

SET lock_timeout = '2s';
ALTER TABLE fills ALTER COLUMN qty TYPE bigint;

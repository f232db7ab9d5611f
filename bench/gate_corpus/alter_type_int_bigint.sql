SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE fills ALTER COLUMN qty TYPE bigint;

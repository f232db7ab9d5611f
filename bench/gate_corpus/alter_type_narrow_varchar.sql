SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE accounts ALTER COLUMN email TYPE varchar(64);

SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE accounts ADD COLUMN number bigint GENERATED ALWAYS AS IDENTITY;

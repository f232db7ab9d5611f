SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ALTER COLUMN client_ref TYPE varchar(128);

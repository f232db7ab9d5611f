SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ALTER COLUMN price TYPE numeric(20,8) USING price::numeric(20,8);

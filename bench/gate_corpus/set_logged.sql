SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders_staging SET LOGGED;

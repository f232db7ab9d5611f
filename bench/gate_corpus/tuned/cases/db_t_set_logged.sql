-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE orders_staging SET LOGGED;

-- migrate:down
ALTER TABLE orders_staging SET UNLOGGED;

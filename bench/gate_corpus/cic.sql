SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_account_id_idx ON orders (account_id);

SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE INDEX orders_created_at_idx ON orders (created_at);

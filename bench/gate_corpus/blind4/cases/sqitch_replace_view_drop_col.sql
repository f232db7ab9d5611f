-- Deploy exchange:open_orders_v3 to pg

BEGIN;

SET lock_timeout = '2s';
CREATE OR REPLACE VIEW open_orders AS SELECT id, placed_on, account_id, market_id, side, price FROM orders WHERE status = 'open';

COMMIT;

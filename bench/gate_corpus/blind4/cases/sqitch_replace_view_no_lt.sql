-- Deploy exchange:open_orders_v2 to pg

BEGIN;

CREATE OR REPLACE VIEW open_orders AS SELECT id, placed_on, account_id, market_id, side, price, quantity - filled AS remaining, type FROM orders WHERE status IN ('open', 'partially_filled');

COMMIT;

-- Deploy perp:drop_is_market_maker to pg

BEGIN;

SET LOCAL lock_timeout = '2s';
ALTER TABLE users DROP COLUMN is_market_maker;

COMMIT;

-- Deploy perps:drop_liq_price to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE positions DROP COLUMN liquidation_price;

COMMIT;

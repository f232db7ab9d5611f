-- Deploy perps:move_cache to pg

BEGIN;

SET lock_timeout = '2s';
CREATE SCHEMA cache;
ALTER TABLE mark_price_cache SET SCHEMA cache;

COMMIT;

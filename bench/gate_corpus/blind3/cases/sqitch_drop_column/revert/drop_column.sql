-- Revert perp:drop_column from pg

BEGIN;

ALTER TABLE users ADD COLUMN is_market_maker boolean NOT NULL DEFAULT false;

COMMIT;

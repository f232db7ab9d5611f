-- Revert perps:sqitch_add_column from pg

BEGIN;
ALTER TABLE positions DROP COLUMN tags;
COMMIT;

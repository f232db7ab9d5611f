-- Revert perps:sqitch_set_schema from pg

BEGIN;
SELECT 1;
COMMIT;

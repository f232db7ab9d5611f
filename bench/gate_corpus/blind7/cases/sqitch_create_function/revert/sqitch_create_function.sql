-- Revert perps:sqitch_create_function from pg

BEGIN;
DROP FUNCTION funding_owed(numeric, numeric, numeric);
COMMIT;

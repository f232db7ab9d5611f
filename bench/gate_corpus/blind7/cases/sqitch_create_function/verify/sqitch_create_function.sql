-- Verify perps:sqitch_create_function on pg

BEGIN;
SELECT 1;
ROLLBACK;

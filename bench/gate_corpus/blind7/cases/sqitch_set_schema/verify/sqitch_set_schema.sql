-- Verify perps:sqitch_set_schema on pg

BEGIN;
SELECT 1;
ROLLBACK;

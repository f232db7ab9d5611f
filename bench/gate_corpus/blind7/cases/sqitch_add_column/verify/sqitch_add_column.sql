-- Verify perps:sqitch_add_column on pg

BEGIN;
SELECT 1;
ROLLBACK;

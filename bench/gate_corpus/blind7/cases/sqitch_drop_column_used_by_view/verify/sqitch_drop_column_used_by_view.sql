-- Verify perps:sqitch_drop_column_used_by_view on pg

BEGIN;
SELECT 1;
ROLLBACK;

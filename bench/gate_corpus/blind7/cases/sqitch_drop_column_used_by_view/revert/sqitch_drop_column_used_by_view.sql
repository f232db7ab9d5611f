-- Revert perps:sqitch_drop_column_used_by_view from pg

BEGIN;
SELECT 1;
COMMIT;

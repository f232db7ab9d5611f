-- Revert perps:sqitch_setval from pg

BEGIN;
SELECT 1;
COMMIT;

-- Revert perps:sqitch_alter_sequence from pg

BEGIN;
SELECT 1;
COMMIT;

-- Verify perps:sqitch_alter_sequence on pg

BEGIN;
SELECT 1;
ROLLBACK;

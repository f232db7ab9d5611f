-- Verify perps:sqitch_cic_with_begin on pg

BEGIN;
SELECT 1;
ROLLBACK;

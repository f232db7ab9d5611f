-- Verify perps:sqitch_cic_bare on pg

BEGIN;
SELECT 1;
ROLLBACK;

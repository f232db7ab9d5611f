-- Verify perps:sqitch_setval on pg

BEGIN;
SELECT 1;
ROLLBACK;

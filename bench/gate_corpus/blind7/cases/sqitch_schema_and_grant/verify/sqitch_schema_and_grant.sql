-- Verify perps:sqitch_schema_and_grant on pg

BEGIN;
SELECT 1;
ROLLBACK;

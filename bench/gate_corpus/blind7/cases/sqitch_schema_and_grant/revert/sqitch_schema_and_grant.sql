-- Revert perps:sqitch_schema_and_grant from pg

BEGIN;
SELECT 1;
COMMIT;

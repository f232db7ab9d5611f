BEGIN;
--
-- Alter field network_fee_sat on withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ALTER COLUMN "network_fee_sat" TYPE bigint USING "network_fee_sat"::bigint;
COMMIT;

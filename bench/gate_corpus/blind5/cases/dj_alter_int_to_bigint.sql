BEGIN;
--
-- Alter field validator on stakingdelegation
--
SET lock_timeout = '2s';
ALTER TABLE "staking_delegations" ALTER COLUMN "validator_id" TYPE bigint USING "validator_id"::bigint;
COMMIT;

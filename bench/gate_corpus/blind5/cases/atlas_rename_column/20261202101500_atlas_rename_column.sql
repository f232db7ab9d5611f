SET lock_timeout = '2s';
-- Modify "staking_validators" table
ALTER TABLE "staking_validators" RENAME COLUMN "pubkey" TO "public_key";

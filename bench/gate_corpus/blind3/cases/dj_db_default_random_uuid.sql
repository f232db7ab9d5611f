BEGIN;
--
-- Add field public_id to position
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Add field public_id to position
--
ALTER TABLE "positions" ADD COLUMN "public_id" uuid DEFAULT (GEN_RANDOM_UUID()) NOT NULL;
COMMIT;

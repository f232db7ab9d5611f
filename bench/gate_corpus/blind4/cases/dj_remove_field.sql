BEGIN;
--
-- Remove field label from apikey
--
SET lock_timeout = '2s';
ALTER TABLE "api_keys" DROP COLUMN "label" CASCADE;
COMMIT;

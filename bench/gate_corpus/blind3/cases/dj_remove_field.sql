BEGIN;
--
-- Remove field client_tag from position
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Remove field client_tag from position
--
ALTER TABLE "positions" DROP COLUMN "client_tag" CASCADE;
COMMIT;

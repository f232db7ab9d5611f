BEGIN;
--
-- Rename field display_name on user to nickname
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Rename field display_name on user to nickname
--
ALTER TABLE "users" RENAME COLUMN "display_name" TO "nickname";
COMMIT;

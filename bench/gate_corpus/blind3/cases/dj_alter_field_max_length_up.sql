BEGIN;
--
-- Alter field display_name on user
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Alter field display_name on user
--
ALTER TABLE "users" ALTER COLUMN "display_name" TYPE varchar(128);
COMMIT;

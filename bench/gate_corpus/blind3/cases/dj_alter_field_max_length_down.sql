BEGIN;
--
-- Alter field client_tag on position
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Alter field client_tag on position
--
ALTER TABLE "positions" ALTER COLUMN "client_tag" TYPE varchar(16);
COMMIT;

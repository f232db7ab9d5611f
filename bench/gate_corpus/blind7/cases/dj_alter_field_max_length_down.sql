BEGIN;
--
-- Alter field label on apikey
--
SET lock_timeout = '2s';
ALTER TABLE "api_keys" ALTER COLUMN "label" TYPE varchar(20);
COMMIT;

BEGIN;
--
-- Alter field email on client
--
SET lock_timeout = '2s';
ALTER TABLE "clients" ALTER COLUMN "email" TYPE varchar(120);
COMMIT;

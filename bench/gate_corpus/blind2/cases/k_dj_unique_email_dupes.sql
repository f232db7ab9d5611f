BEGIN;
--
-- Alter field email on client
--
SET lock_timeout = '2s';
ALTER TABLE "clients" ADD CONSTRAINT "clients_email_key" UNIQUE ("email");
COMMIT;

BEGIN;
--
-- Alter field legal_name on client
--
SET lock_timeout = '2s';
ALTER TABLE "clients" ALTER COLUMN "legal_name" DROP NOT NULL;
COMMIT;

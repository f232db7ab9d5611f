BEGIN;
--
-- Alter field email on counterparty
--
SET lock_timeout = '2s';
ALTER TABLE "counterparties" ALTER COLUMN "email" TYPE varchar(254);
COMMIT;

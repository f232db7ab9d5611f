BEGIN;
--
-- Alter field email on counterparty
--
ALTER TABLE "counterparties" ALTER COLUMN "email" TYPE varchar(254);
COMMIT;

BEGIN;
--
-- Alter field code on loanproduct
--
SET lock_timeout = '2s';
ALTER TABLE "loan_products" ALTER COLUMN "code" TYPE varchar(48);
COMMIT;

BEGIN;
--
-- Add field loan to fiatdeposit
--
SET lock_timeout = '2s';
ALTER TABLE "fiat_deposits" ADD COLUMN "loan_id" bigint NULL CONSTRAINT "fiat_deposits_loan_id_2b7c9d1e_fk_loans_id" REFERENCES "loans"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "fiat_deposits_loan_id_2b7c9d1e_fk_loans_id" IMMEDIATE;
CREATE INDEX "fiat_deposits_loan_id_2b7c9d1e" ON "fiat_deposits" ("loan_id");
COMMIT;

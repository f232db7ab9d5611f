BEGIN;
--
-- Create index fiat_deposits_status_idx on field(s) status of model fiatdeposit
--
CREATE INDEX "fiat_deposits_status_idx" ON "fiat_deposits" ("status");
COMMIT;

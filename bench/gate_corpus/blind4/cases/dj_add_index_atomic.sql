BEGIN;
--
-- Create index withdrawals_status_idx on field(s) status of model withdrawal
--
CREATE INDEX "withdrawals_status_idx" ON "withdrawals" ("status");
COMMIT;

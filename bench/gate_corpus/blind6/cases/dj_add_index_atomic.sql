BEGIN;
--
-- Create index payouts_requested_at_idx on field(s) requested_at of model payout
--
CREATE INDEX "payouts_requested_at_idx" ON "payouts" ("requested_at");
COMMIT;

BEGIN;
--
-- Alter index_together for payment
--
CREATE INDEX "payments_state_captured_idx" ON "payments" ("state", "captured_at");
COMMIT;

-- CreateIndex
CREATE INDEX "withdrawals_state_requested_at_idx" ON "withdrawals"("state", "requested_at");

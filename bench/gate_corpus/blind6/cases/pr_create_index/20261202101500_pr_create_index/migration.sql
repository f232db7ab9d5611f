-- CreateIndex
CREATE INDEX "payouts_wallet_id_idx" ON "payouts"("wallet_id");

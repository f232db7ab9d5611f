-- CreateIndex (edited by hand: concurrent build)
CREATE INDEX CONCURRENTLY "payouts_wallet_id_idx" ON "payouts"("wallet_id");

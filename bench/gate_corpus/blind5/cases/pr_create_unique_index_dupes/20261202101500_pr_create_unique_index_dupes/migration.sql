-- CreateIndex
CREATE UNIQUE INDEX "treasury_wallets_label_key" ON "treasury_wallets"("label");

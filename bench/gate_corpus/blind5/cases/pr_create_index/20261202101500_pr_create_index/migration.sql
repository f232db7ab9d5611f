-- CreateIndex
CREATE INDEX "card_payments_merchant_name_idx" ON "card_payments"("merchant_name");

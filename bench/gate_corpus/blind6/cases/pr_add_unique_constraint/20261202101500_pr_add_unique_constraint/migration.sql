-- AddUniqueConstraint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_address_key" UNIQUE ("address");

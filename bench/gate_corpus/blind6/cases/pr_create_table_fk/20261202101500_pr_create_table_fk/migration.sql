-- CreateTable
CREATE TABLE "DepositAddress" (
    "id" SERIAL NOT NULL,
    "walletId" BIGINT NOT NULL,
    "address" TEXT NOT NULL,
    CONSTRAINT "DepositAddress_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "DepositAddress" ADD CONSTRAINT "DepositAddress_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "wallets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

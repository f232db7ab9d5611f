-- CreateTable
CREATE TABLE "WithdrawalHold" (
    "id" SERIAL NOT NULL,
    "withdrawalId" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "WithdrawalHold_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "WithdrawalHold" ADD CONSTRAINT "WithdrawalHold_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "withdrawals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

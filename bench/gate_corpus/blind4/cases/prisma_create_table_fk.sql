-- CreateTable
CREATE TABLE "Webhook" ("id" TEXT NOT NULL, "accountId" BIGINT NOT NULL, CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id"));

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

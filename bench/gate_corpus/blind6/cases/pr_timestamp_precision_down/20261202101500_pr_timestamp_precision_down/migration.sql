-- AlterTable
ALTER TABLE "wallets" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMP(3);

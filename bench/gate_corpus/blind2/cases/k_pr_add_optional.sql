-- AlterTable
ALTER TABLE "wallets" ADD COLUMN "nickname" TEXT;

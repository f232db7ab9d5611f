-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "kind" TEXT;

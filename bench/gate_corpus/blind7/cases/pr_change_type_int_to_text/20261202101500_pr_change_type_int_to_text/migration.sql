-- AlterTable
ALTER TABLE "risk_limits" ALTER COLUMN "tier" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "referral_codes" DROP COLUMN "commission_bps",
ADD COLUMN "commissionBps" SMALLINT NOT NULL DEFAULT 2000;

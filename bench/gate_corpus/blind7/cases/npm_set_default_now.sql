-- Up Migration
SET lock_timeout = '2s';
ALTER TABLE "insurance_fund_movements" ALTER COLUMN "moved_at" SET DEFAULT now();

-- Down Migration
ALTER TABLE "insurance_fund_movements" ALTER COLUMN "moved_at" DROP DEFAULT;

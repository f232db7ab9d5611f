ALTER TABLE "customers" DROP COLUMN IF EXISTS "risk_score";

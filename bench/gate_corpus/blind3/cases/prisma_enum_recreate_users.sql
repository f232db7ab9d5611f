-- AlterEnum
BEGIN;
CREATE TYPE "kyc_tier_new" AS ENUM ('none', 'basic', 'advanced', 'institutional');
ALTER TABLE "users" ALTER COLUMN "kyc" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "kyc" TYPE "kyc_tier_new" USING ("kyc"::text::"kyc_tier_new");
ALTER TYPE "kyc_tier" RENAME TO "kyc_tier_old";
ALTER TYPE "kyc_tier_new" RENAME TO "kyc_tier";
DROP TYPE "kyc_tier_old";
ALTER TABLE "users" ALTER COLUMN "kyc" SET DEFAULT 'none';
COMMIT;

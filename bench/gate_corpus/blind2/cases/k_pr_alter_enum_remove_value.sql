/*
  Warnings:

  - The values [pro] on the enum `client_tier` will be removed. If these variants are still used in the database, this will fail.

*/
-- AlterEnum
BEGIN;
CREATE TYPE "client_tier_new" AS ENUM ('retail', 'institutional');
ALTER TABLE "clients" ALTER COLUMN "tier" DROP DEFAULT;
ALTER TABLE "clients" ALTER COLUMN "tier" TYPE "client_tier_new" USING ("tier"::text::"client_tier_new");
ALTER TYPE "client_tier" RENAME TO "client_tier_old";
ALTER TYPE "client_tier_new" RENAME TO "client_tier";
DROP TYPE "client_tier_old";
ALTER TABLE "clients" ALTER COLUMN "tier" SET DEFAULT 'retail';
COMMIT;

/*
  Warnings:

  - You are about to drop the column "provider" on the "kyc_cases" table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "kyc_cases" DROP COLUMN "provider",
ADD COLUMN     "vendor" TEXT NOT NULL DEFAULT 'sumsub';

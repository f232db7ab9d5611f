-- AlterTable
ALTER TABLE "insurance_funds" ADD COLUMN "custodian" TEXT NOT NULL;

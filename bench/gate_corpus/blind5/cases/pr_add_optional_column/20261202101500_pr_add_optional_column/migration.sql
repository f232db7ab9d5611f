-- AlterTable
ALTER TABLE "customers" ADD COLUMN "preferred_language" TEXT;

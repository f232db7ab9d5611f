-- AlterTable
SET lock_timeout = '2s';
ALTER TABLE "merchants" ALTER COLUMN "tags" SET DATA TYPE TEXT;

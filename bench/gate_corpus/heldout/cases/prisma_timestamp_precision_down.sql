-- AlterTable
SET lock_timeout = '2s';
ALTER TABLE "User" ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMP(0);

-- AlterTable
ALTER TABLE "User" ADD COLUMN "tenantId" TEXT NOT NULL;

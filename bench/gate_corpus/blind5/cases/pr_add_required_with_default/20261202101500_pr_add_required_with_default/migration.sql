-- AlterTable
ALTER TABLE "loans" ADD COLUMN "grace_days" INTEGER NOT NULL DEFAULT 3;

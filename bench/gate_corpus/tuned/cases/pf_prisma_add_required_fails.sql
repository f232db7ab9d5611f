-- AlterTable
ALTER TABLE "fills" ADD COLUMN "venue" TEXT NOT NULL;

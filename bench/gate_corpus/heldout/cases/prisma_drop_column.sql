-- AlterTable
ALTER TABLE "User" DROP COLUMN "role";

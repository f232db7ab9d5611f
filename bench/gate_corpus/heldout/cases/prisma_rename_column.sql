-- AlterTable
ALTER TABLE "Post" RENAME COLUMN "views" TO "viewCount";

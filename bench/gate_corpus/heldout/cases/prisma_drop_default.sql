-- AlterTable
SET lock_timeout = '2s';
ALTER TABLE "Post" ALTER COLUMN "published" DROP DEFAULT;

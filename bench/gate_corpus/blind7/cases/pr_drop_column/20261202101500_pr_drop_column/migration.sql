-- AlterTable
ALTER TABLE "markets" DROP COLUMN "tick_size";

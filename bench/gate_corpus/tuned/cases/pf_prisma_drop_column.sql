-- AlterTable
ALTER TABLE "orders" DROP COLUMN "legacy_fee";

-- AlterEnum
BEGIN;
CREATE TYPE "liquidation_kind_new" AS ENUM ('partial', 'full');
ALTER TABLE "liquidations" ALTER COLUMN "kind" TYPE "liquidation_kind_new" USING ("kind"::text::"liquidation_kind_new");
ALTER TYPE "liquidation_kind" RENAME TO "liquidation_kind_old";
ALTER TYPE "liquidation_kind_new" RENAME TO "liquidation_kind";
DROP TYPE "liquidation_kind_old";
COMMIT;

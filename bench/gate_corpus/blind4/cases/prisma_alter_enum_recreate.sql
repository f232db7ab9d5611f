-- AlterEnum
BEGIN;
CREATE TYPE "settlement_state_new" AS ENUM ('pending', 'broadcast', 'confirmed');
ALTER TABLE "settlement_batches" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "settlement_batches" ALTER COLUMN "state" TYPE "settlement_state_new" USING ("state"::text::"settlement_state_new");
ALTER TYPE "settlement_state" RENAME TO "settlement_state_old";
ALTER TYPE "settlement_state_new" RENAME TO "settlement_state";
DROP TYPE "settlement_state_old";
ALTER TABLE "settlement_batches" ALTER COLUMN "state" SET DEFAULT 'pending';
COMMIT;

SET lock_timeout = '2s';
-- Modify "markets" table
ALTER TABLE "markets" DROP COLUMN "contract_size";

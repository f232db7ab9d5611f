SET lock_timeout = '2s';
-- Modify "markets" table
ALTER TABLE "public"."markets" DROP COLUMN "config";

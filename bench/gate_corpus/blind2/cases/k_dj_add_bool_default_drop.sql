BEGIN;
--
-- Add field is_vip to client
--
SET lock_timeout = '2s';
ALTER TABLE "clients" ADD COLUMN "is_vip" boolean DEFAULT false NOT NULL;
ALTER TABLE "clients" ALTER COLUMN "is_vip" DROP DEFAULT;
COMMIT;

BEGIN;
--
-- Add field mcc_desc to merchant
--
SET lock_timeout = '2s';
ALTER TABLE "merchants" ADD COLUMN "mcc_desc" varchar(40) NULL;
COMMIT;

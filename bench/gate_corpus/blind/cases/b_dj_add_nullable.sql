BEGIN;
--
-- Add field mcc_desc to merchant
--
ALTER TABLE "merchants" ADD COLUMN "mcc_desc" varchar(40) NULL;
COMMIT;

SET lock_timeout = '2s';
ALTER TABLE "public"."counterparties" ALTER COLUMN "email" SET NOT NULL;

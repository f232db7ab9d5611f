SET lock_timeout = '2s';
ALTER TABLE "public"."wallets" ALTER COLUMN "asset" TYPE varchar(12);

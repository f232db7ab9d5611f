SET lock_timeout = '2s';
ALTER TABLE "public"."wallets" ADD COLUMN "chain_id" integer NULL;

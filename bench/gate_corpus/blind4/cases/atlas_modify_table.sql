-- Modify "withdrawals" table
ALTER TABLE "public"."withdrawals" ADD COLUMN "chain_fee" numeric NULL;

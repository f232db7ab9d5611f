ALTER TABLE "settlements" ADD COLUMN "network_fee" numeric(38, 18);

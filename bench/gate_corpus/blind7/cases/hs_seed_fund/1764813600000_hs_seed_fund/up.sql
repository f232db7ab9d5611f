INSERT INTO "public"."insurance_funds"("id", "asset", "balance") VALUES (6, 'DOGE', 0);

ALTER TABLE "mark_price_cache" ADD COLUMN "index_price" numeric(28, 10);

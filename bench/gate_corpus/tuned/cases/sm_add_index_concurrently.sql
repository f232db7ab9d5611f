CREATE INDEX CONCURRENTLY "index_orders_on_created_at" ON "orders" ("created_at");

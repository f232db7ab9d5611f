BEGIN;
CREATE INDEX "index_orders_on_created_at" ON "orders" ("created_at");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

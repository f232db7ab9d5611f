BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ADD CONSTRAINT "price_positive" CHECK (price > 0);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

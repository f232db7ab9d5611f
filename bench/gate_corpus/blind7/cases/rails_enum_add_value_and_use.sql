BEGIN;
ALTER TYPE "order_kind" ADD VALUE 'trailing_stop';
UPDATE "orders" SET "kind" = 'trailing_stop' WHERE "id" = 4;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

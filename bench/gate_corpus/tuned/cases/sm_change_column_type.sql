BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "qty" TYPE bigint;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" RENAME COLUMN "side" TO "direction";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

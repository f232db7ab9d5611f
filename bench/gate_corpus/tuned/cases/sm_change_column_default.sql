BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'open';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

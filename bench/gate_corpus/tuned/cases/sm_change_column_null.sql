BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "account_id" SET NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

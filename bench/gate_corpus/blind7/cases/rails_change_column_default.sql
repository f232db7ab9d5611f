BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "margin_accounts" ALTER COLUMN "leverage" SET DEFAULT 5;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "accounts" DROP COLUMN "api_flags";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

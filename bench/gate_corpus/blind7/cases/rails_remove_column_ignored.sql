BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "api_keys" DROP COLUMN "revoked_at";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

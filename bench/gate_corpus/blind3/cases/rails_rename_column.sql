BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "api_keys" RENAME COLUMN "label" TO "name";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

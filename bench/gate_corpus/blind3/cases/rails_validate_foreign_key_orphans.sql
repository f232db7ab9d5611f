BEGIN;
ALTER TABLE "api_keys" VALIDATE CONSTRAINT "api_keys_user_fk";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "users" ALTER COLUMN "display_name" TYPE text;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "users" ALTER COLUMN "login" TYPE text;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

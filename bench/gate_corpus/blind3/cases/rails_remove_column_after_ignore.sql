BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "users" DROP COLUMN "settings";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

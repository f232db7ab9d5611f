BEGIN;
ALTER TABLE "users" DROP COLUMN "bio";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

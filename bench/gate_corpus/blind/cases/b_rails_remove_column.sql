BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "merchants" DROP COLUMN "tags";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "loans" DROP COLUMN "matures_on";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

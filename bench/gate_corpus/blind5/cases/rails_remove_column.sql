BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "customers" DROP COLUMN "date_of_birth";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

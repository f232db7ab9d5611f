BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "customers" RENAME COLUMN "full_name" TO "legal_name";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

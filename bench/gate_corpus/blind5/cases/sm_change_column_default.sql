BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "loans" ALTER COLUMN "status" SET DEFAULT 'active';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

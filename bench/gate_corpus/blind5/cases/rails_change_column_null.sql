BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "kyc_cases" ALTER COLUMN "closed_at" SET NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "kyc_checks" ALTER COLUMN "score" TYPE bigint;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

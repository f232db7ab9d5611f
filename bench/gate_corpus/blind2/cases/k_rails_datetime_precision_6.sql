BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "audit_log" ALTER COLUMN "at" TYPE timestamp(6);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

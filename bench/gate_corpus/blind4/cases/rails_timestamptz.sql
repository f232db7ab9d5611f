BEGIN;
SET LOCAL TimeZone = 'UTC';
SET lock_timeout = '2s';
ALTER TABLE "settlement_batches" ALTER COLUMN "closed_at" TYPE timestamp;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

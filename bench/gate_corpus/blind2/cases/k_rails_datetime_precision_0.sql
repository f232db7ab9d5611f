BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "deposits" ALTER COLUMN "seen_at" TYPE timestamp(0);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

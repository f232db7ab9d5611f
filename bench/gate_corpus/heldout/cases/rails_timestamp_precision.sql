BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "comments" ALTER COLUMN "created_at" TYPE timestamp(6);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

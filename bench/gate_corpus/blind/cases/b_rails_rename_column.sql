BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "refunds" RENAME COLUMN "reason" TO "note";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

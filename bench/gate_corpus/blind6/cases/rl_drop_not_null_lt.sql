BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "quotes" ALTER COLUMN "dealer" DROP NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

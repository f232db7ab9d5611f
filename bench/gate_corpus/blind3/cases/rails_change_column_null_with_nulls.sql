BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "positions" ALTER COLUMN "mark_price" SET NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

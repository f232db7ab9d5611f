BEGIN;
ALTER TABLE "markets" ALTER COLUMN "max_leverage" SET DEFAULT 25;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

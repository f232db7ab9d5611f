BEGIN;
ALTER TABLE "fills" DROP COLUMN "settled";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

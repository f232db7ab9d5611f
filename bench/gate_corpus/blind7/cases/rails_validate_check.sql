BEGIN;
ALTER TABLE "positions" VALIDATE CONSTRAINT "positions_status_check";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

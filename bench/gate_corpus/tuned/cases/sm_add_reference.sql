BEGIN;
ALTER TABLE "fills" ADD "venue_id" bigint;
CREATE INDEX "index_fills_on_venue_id" ON "fills" ("venue_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

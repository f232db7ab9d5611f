BEGIN;
CREATE INDEX "index_liquidations_on_liquidated_at" ON "liquidations" ("liquidated_at");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

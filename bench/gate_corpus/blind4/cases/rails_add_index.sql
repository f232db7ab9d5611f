BEGIN;
CREATE INDEX "index_deposits_on_tx_hash" ON "deposits" ("tx_hash");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

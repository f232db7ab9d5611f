BEGIN;
CREATE INDEX "index_withdrawals_on_destination" ON "withdrawals" ("destination");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

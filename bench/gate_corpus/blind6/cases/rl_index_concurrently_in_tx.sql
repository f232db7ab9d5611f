BEGIN;
CREATE INDEX CONCURRENTLY "index_quotes_on_valid_until" ON "quotes" ("valid_until");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

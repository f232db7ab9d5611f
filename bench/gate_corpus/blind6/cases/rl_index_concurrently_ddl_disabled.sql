CREATE INDEX CONCURRENTLY "index_quotes_on_valid_until" ON "quotes" ("valid_until");

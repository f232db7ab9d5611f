BEGIN;
CREATE INDEX CONCURRENTLY "index_comments_on_body" ON "comments" ("body");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

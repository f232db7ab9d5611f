BEGIN;
CREATE INDEX "index_comments_on_user_id" ON "comments" ("user_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;

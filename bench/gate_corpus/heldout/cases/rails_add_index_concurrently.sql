CREATE INDEX CONCURRENTLY "index_comments_on_created_at" ON "comments" ("created_at");

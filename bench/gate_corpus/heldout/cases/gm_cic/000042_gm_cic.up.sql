CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_created_at_idx ON comments (created_at);

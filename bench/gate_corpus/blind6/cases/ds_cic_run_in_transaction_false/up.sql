-- Your SQL goes here
CREATE INDEX CONCURRENTLY idx_quotes_created ON quotes (created_at);

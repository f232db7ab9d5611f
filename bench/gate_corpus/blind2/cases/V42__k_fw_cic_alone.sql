CREATE INDEX CONCURRENTLY deposits_seen_idx ON deposits (seen_at);

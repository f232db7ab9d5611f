-- migrate:up
CREATE INDEX CONCURRENTLY deposits_credited_idx ON deposits (credited_at);

-- migrate:down
DROP INDEX deposits_credited_idx;

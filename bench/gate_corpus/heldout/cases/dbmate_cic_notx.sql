-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY comments_user_idx ON comments (user_id);

-- migrate:down
DROP INDEX comments_user_idx;

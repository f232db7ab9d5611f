-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE comments ADD COLUMN score integer;

-- migrate:down
ALTER TABLE comments DROP COLUMN score;

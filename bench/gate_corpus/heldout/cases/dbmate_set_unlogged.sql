-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE comments SET UNLOGGED;

-- migrate:down
ALTER TABLE comments SET LOGGED;

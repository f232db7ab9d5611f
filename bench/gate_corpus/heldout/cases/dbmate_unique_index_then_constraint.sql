-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY users_login_key ON users (login);

SET lock_timeout = '2s';
ALTER TABLE users ADD CONSTRAINT users_login_key UNIQUE USING INDEX users_login_key;

-- migrate:down
DROP INDEX users_login_key;

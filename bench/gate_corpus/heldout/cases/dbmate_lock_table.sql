-- migrate:up
SET lock_timeout = '2s';
LOCK TABLE users IN SHARE MODE;
UPDATE users SET bio = 'x' WHERE id = 1;

-- migrate:down
SELECT 1;

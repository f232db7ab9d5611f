-- migrate:up
SET TIME ZONE 'America/New_York';
SET lock_timeout = '2s';
ALTER TABLE wallets ALTER COLUMN created_at TYPE timestamptz;

-- migrate:down
ALTER TABLE wallets ALTER COLUMN created_at TYPE timestamp;

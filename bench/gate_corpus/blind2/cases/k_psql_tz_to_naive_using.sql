SET lock_timeout = '2s';
ALTER TABLE wallets ALTER COLUMN created_at TYPE timestamp USING created_at AT TIME ZONE 'UTC';

-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE wallets ALTER COLUMN label SET NOT NULL;

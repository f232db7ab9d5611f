-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE liquidations ADD COLUMN partial BOOLEAN NOT NULL DEFAULT FALSE;

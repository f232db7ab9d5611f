-- Add migration script here
SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN is_promotional BOOLEAN NOT NULL DEFAULT FALSE;

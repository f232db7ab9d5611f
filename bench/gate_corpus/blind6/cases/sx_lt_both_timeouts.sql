-- Add migration script here
SET lock_timeout = '2s';
SET statement_timeout = '30s';
ALTER TABLE assets ADD COLUMN delisted_at timestamptz;

-- Add migration script here
SET lock_timeout = '2s';
ALTER TABLE trades ADD COLUMN booked_at timestamptz NOT NULL DEFAULT now();

-- migrate:up
SET TIME ZONE 'UTC';
SET lock_timeout = '2s';
ALTER TABLE kyc_checks ALTER COLUMN checked_at TYPE timestamptz;

-- migrate:down
ALTER TABLE kyc_checks ALTER COLUMN checked_at TYPE timestamp;

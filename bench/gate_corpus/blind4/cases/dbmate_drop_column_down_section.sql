-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE referral_codes ADD COLUMN expires_at timestamptz;

-- migrate:down
ALTER TABLE referral_codes DROP COLUMN expires_at;

-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN referral_code VARCHAR(16);

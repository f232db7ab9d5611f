-- Your SQL goes here
ALTER TABLE users ADD COLUMN referral_code VARCHAR(16);

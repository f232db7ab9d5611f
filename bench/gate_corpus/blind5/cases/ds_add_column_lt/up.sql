-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE staking_validators ADD COLUMN region TEXT;

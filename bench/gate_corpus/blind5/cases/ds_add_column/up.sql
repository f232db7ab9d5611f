-- Your SQL goes here
ALTER TABLE staking_validators ADD COLUMN region TEXT;

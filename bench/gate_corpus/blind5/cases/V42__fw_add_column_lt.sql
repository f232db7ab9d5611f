SET lock_timeout = '2s';
ALTER TABLE staking_validators ADD COLUMN mev_boost boolean;

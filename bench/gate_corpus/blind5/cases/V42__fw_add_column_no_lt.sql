ALTER TABLE staking_validators ADD COLUMN mev_boost boolean;

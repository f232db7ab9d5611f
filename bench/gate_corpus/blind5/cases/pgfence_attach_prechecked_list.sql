SET lock_timeout = '2s';
CREATE TABLE staking_rewards_ada (LIKE staking_rewards INCLUDING DEFAULTS);
ALTER TABLE staking_rewards_ada ADD CONSTRAINT staking_rewards_ada_asset CHECK (asset = 'ADA');
ALTER TABLE staking_rewards ATTACH PARTITION staking_rewards_ada FOR VALUES IN ('ADA');

SET lock_timeout = '2s';
ALTER TABLE staking_rewards ALTER COLUMN delegation_id SET NOT NULL;

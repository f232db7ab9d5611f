SET lock_timeout = '2s';
ALTER TABLE staking_rewards ADD CONSTRAINT staking_rewards_amount_nonneg CHECK (amount >= 0) NOT VALID;
ALTER TABLE staking_rewards VALIDATE CONSTRAINT staking_rewards_amount_nonneg;

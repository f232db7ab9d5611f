SET lock_timeout = '2s';
CREATE INDEX staking_rewards_paid_idx ON staking_rewards (paid_at);

-- migrate:up
CREATE INDEX CONCURRENTLY IF NOT EXISTS staking_rewards_eth_paid_idx ON staking_rewards_eth (paid_at);

-- migrate:down
DROP INDEX IF EXISTS staking_rewards_eth_paid_idx;

CREATE INDEX CONCURRENTLY IF NOT EXISTS staking_rewards_sol_paid_idx ON staking_rewards_sol (paid_at);

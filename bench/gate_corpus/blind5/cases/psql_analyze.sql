ANALYZE staking_rewards;

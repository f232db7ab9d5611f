SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS staking_delegations_started_idx ON staking_delegations (started_at);

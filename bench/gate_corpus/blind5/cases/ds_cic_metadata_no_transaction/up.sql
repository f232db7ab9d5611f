-- Your SQL goes here
CREATE INDEX CONCURRENTLY IF NOT EXISTS staking_validators_status_idx ON staking_validators (status);

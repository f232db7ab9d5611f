CREATE OR REPLACE VIEW unbonding_delegations AS SELECT id, customer_id, validator_id, amount, unbonding_at FROM staking_delegations WHERE unbonding_at IS NOT NULL AND ended_at IS NULL;

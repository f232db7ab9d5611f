-- +goose Up
-- +goose StatementBegin
CREATE INDEX CONCURRENTLY IF NOT EXISTS staking_delegations_unbonding_idx ON staking_delegations (unbonding_at) WHERE unbonding_at IS NOT NULL;
-- +goose StatementEnd

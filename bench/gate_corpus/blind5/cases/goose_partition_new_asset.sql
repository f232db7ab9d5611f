-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
CREATE TABLE IF NOT EXISTS staking_rewards_ada PARTITION OF staking_rewards FOR VALUES IN ('ADA');
-- +goose StatementEnd

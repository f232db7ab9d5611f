-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE staking_delegations ADD COLUMN source text;
-- +goose StatementEnd

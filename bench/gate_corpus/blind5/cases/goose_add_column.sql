-- +goose Up
-- +goose StatementBegin
ALTER TABLE staking_delegations ADD COLUMN source text;
-- +goose StatementEnd

-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
CREATE INDEX idx_bank_accounts_cp ON bank_accounts (counterparty_id);
-- +goose StatementEnd

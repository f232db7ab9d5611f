-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
CREATE INDEX CONCURRENTLY idx_bank_accounts_cp ON bank_accounts (counterparty_id);
-- +goose StatementEnd

-- +goose Down
DROP INDEX CONCURRENTLY idx_bank_accounts_cp;

-- +goose Up
-- +goose StatementBegin
SET LOCAL lock_timeout = '500ms';
ALTER TABLE wallets ALTER COLUMN label SET DEFAULT 'unnamed';
-- +goose StatementEnd

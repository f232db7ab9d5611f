-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10;
-- +goose StatementEnd

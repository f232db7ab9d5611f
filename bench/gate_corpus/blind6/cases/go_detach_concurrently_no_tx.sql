-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10 CONCURRENTLY;
-- +goose StatementEnd

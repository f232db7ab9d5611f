-- +goose Up
-- +goose StatementBegin
UPDATE tickers SET refreshed_at = now();
-- +goose StatementEnd

-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE tickers ADD COLUMN high_24h numeric(30, 12);
-- +goose StatementEnd

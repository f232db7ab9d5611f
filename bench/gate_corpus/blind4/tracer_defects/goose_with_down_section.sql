-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE tickers ADD COLUMN low_24h numeric(30, 12);
-- +goose StatementEnd

-- +goose Down
ALTER TABLE tickers DROP COLUMN low_24h;

-- +goose Up
-- +goose StatementBegin
DROP TABLE IF EXISTS legacy_quotes;
-- +goose StatementEnd

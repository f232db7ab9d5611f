-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE settlements ALTER COLUMN tx_hash TYPE varchar(64);
-- +goose StatementEnd

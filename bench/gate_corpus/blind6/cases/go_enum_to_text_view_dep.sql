-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE rfqs ALTER COLUMN status TYPE text;
-- +goose StatementEnd

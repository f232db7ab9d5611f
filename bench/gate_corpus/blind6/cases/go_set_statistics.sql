-- +goose Up
-- +goose StatementBegin
ALTER TABLE rfqs ALTER COLUMN status SET STATISTICS 500;
-- +goose StatementEnd

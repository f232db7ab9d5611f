-- +goose Up
-- +goose StatementBegin
UPDATE outbox SET headers = '{}'::jsonb;
-- +goose StatementEnd

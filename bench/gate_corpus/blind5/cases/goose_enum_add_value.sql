-- +goose Up
-- +goose StatementBegin
ALTER TYPE deposit_state ADD VALUE IF NOT EXISTS 'on_hold' AFTER 'screening';
-- +goose StatementEnd

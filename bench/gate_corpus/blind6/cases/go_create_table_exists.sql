-- +goose Up
-- +goose StatementBegin
CREATE TABLE assets (code text PRIMARY KEY);
-- +goose StatementEnd

-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN reduce_only boolean NOT NULL DEFAULT false;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE orders DROP COLUMN reduce_only;

-- +goose Up
SET lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN funding_cap numeric(12, 10);

-- +goose Down
ALTER TABLE markets DROP COLUMN funding_cap;

-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS positions_side_idx ON positions (side);
-- +goose StatementEnd

-- +goose Down
DROP INDEX IF EXISTS positions_side_idx;

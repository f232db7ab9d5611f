-- +goose NO TRANSACTION
-- +goose Up
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS positions_side_idx ON positions (side);

-- +goose Down
DROP INDEX IF EXISTS positions_side_idx;

-- +goose Up
-- +goose StatementBegin
CREATE INDEX CONCURRENTLY IF NOT EXISTS positions_side_idx ON positions (side);
-- +goose StatementEnd

-- +goose Down
DROP INDEX IF EXISTS positions_side_idx;

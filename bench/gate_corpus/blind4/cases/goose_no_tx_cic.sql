-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_aggregate_idx ON outbox (aggregate_id);
-- +goose StatementEnd

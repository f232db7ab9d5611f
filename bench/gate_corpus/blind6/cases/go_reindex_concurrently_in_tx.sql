-- +goose Up
-- +goose StatementBegin
REINDEX TABLE CONCURRENTLY payouts;
-- +goose StatementEnd

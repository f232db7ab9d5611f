-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
VACUUM (ANALYZE) positions;
-- +goose StatementEnd

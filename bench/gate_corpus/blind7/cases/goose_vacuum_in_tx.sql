-- +goose Up
-- +goose StatementBegin
VACUUM (ANALYZE) positions;
-- +goose StatementEnd

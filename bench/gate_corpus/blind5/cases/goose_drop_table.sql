-- +goose Up
-- +goose StatementBegin
DROP TABLE IF EXISTS validator_commission_periods;
-- +goose StatementEnd

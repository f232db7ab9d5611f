-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE customers ADD COLUMN travel_rule_vasp text;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE customers DROP COLUMN travel_rule_vasp;

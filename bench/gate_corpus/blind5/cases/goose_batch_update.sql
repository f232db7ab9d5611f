-- +goose Up
-- +goose StatementBegin
UPDATE loans SET matures_on = opened_at::date + 365 WHERE matures_on IS NULL AND id <= 1000;
-- +goose StatementEnd

-- +goose Up
-- +goose StatementBegin
SELECT setval('payouts_id_seq', 10000);
-- +goose StatementEnd

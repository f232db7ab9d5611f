-- +goose Up
-- +goose StatementBegin
CREATE TABLE payout_archive (LIKE payouts INCLUDING DEFAULTS);
INSERT INTO payout_archive SELECT * FROM payouts WHERE status = 'sent';
-- +goose StatementEnd

-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE kyc_checks ADD COLUMN reviewer text NOT NULL;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE kyc_checks DROP COLUMN reviewer;

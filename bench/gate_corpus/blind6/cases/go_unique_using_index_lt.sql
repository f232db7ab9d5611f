-- +goose Up
-- +goose StatementBegin
SET lock_timeout = '2s';
ALTER TABLE quotes ADD CONSTRAINT quotes_ref_key UNIQUE USING INDEX quotes_ref_uidx;
-- +goose StatementEnd

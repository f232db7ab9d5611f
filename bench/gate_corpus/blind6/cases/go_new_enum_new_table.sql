-- +goose Up
-- +goose StatementBegin
CREATE TYPE settlement_rail AS ENUM ('onchain', 'sepa', 'swift', 'fedwire');
CREATE TABLE settlement_instructions (id bigserial PRIMARY KEY, counterparty_id bigint NOT NULL, rail settlement_rail NOT NULL, details jsonb NOT NULL);
-- +goose StatementEnd

-- Add migration script here
CREATE TABLE rebates (id BIGSERIAL PRIMARY KEY, account_id BIGINT NOT NULL, amount NUMERIC(28, 8) NOT NULL);
CREATE INDEX rebates_account_idx ON rebates (account_id);

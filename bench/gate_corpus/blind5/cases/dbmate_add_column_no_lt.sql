-- migrate:up
ALTER TABLE fiat_deposits ADD COLUMN screening_ref text;

-- migrate:down
ALTER TABLE fiat_deposits DROP COLUMN screening_ref;

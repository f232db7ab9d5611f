-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY fiat_deposits_bank_reference_key ON fiat_deposits (bank_reference);

-- migrate:down
DROP INDEX CONCURRENTLY fiat_deposits_bank_reference_key;

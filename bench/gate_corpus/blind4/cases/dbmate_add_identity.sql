-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE tickers ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

-- migrate:down
ALTER TABLE tickers DROP COLUMN seq;

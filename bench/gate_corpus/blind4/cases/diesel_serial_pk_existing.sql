-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE tickers DROP CONSTRAINT tickers_pkey;
ALTER TABLE tickers ADD COLUMN id SERIAL PRIMARY KEY;

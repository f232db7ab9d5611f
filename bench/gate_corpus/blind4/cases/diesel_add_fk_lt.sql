-- Your SQL goes here
SET lock_timeout = '2s';
CREATE TABLE market_makers (account_id BIGINT PRIMARY KEY REFERENCES accounts (id));

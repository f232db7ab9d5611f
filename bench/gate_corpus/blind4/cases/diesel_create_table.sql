-- Your SQL goes here
CREATE TABLE market_makers (
  account_id BIGINT PRIMARY KEY,
  rebate_bps NUMERIC(6,2) NOT NULL,
  since TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

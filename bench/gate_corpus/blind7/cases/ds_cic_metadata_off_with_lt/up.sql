-- Your SQL goes here
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY positions_adl_idx ON positions (market_id, side);

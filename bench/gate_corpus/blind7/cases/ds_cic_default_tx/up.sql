-- Your SQL goes here
CREATE INDEX CONCURRENTLY positions_adl_idx ON positions (market_id, side);

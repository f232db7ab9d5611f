CREATE INDEX CONCURRENTLY positions_trader_idx ON positions (trader_id);

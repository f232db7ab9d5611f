CREATE INDEX CONCURRENTLY positions_account_market_status_idx ON positions (margin_account_id, market_id, status);

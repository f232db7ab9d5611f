CREATE INDEX idx_liquidations_market ON liquidations (market_id, liquidated_at);

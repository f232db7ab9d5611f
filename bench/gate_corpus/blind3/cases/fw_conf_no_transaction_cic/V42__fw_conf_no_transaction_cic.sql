CREATE INDEX CONCURRENTLY idx_liq_partial_market ON liquidations_partial (market_id);

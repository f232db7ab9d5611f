CREATE INDEX CONCURRENTLY idx_liq_full_market ON liquidations_full (market_id);

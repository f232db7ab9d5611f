CREATE STATISTICS trades_market_side (dependencies) ON market_id, taker_side FROM trades;

CREATE STATISTICS positions_market_side (dependencies) ON market_id, side FROM positions;
ANALYZE positions;

CREATE STATISTICS positions_market_status_stats (dependencies, ndistinct) ON market_id, status FROM positions;

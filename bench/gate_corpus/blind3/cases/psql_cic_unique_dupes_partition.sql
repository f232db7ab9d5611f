CREATE UNIQUE INDEX CONCURRENTLY ticks_2026_10_uniq ON price_index_ticks_2026_10 (market_id, ts);

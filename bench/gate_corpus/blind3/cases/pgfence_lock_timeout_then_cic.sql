SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY idx_price_ticks_2026_11_ts ON price_index_ticks_2026_11 (ts);

CREATE INDEX CONCURRENTLY trades_taker_idx ON trades_2026_11 (taker_order_id);
CREATE INDEX CONCURRENTLY trades_taker_idx_12 ON trades_2026_12 (taker_order_id);

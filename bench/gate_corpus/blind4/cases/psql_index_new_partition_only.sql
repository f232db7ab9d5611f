CREATE INDEX ON trades_2026_12 (taker_order_id);

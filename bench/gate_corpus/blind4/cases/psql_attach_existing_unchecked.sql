SET lock_timeout = '2s';
CREATE TABLE orders_2026_12_05 (LIKE orders INCLUDING DEFAULTS);
INSERT INTO orders_2026_12_05 (id, placed_on, account_id, market_id, side, quantity, placed_at) SELECT g, DATE '2026-12-05', 1, 1, 'buy', 1, TIMESTAMPTZ '2026-12-05 10:00+00' FROM generate_series(1, 500) g;
ALTER TABLE orders ATTACH PARTITION orders_2026_12_05 FOR VALUES FROM ('2026-12-05') TO ('2026-12-06');

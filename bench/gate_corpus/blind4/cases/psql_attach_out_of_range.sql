SET lock_timeout = '2s';
CREATE TABLE orders_2026_12_06 (LIKE orders INCLUDING DEFAULTS);
INSERT INTO orders_2026_12_06 (id, placed_on, account_id, market_id, side, quantity, placed_at) VALUES (1, DATE '2026-12-07', 1, 1, 'buy', 1, now());
ALTER TABLE orders ATTACH PARTITION orders_2026_12_06 FOR VALUES FROM ('2026-12-06') TO ('2026-12-07');

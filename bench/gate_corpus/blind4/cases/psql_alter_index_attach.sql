SET lock_timeout = '2s';
CREATE INDEX orders_client_idx ON ONLY orders (client_order_id);
CREATE INDEX orders_2026_11_28_client_idx ON orders_2026_11_28 (client_order_id);
ALTER INDEX orders_client_idx ATTACH PARTITION orders_2026_11_28_client_idx;

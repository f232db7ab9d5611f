SET lock_timeout = '2s';
DROP TABLE orders_2026_11_28;

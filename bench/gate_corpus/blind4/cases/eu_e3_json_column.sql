SET lock_timeout = '2s';
ALTER TABLE orders_2026_12_02 ADD COLUMN debug json;

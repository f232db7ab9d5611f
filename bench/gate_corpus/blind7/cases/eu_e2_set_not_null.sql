SET lock_timeout = '2s';
ALTER TABLE orders_import_2026_09 ALTER COLUMN client_order_id SET NOT NULL;

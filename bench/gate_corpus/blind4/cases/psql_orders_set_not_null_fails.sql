SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN client_order_id SET NOT NULL;

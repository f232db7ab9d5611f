SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN ext_id uuid DEFAULT gen_random_uuid();

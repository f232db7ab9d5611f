SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();

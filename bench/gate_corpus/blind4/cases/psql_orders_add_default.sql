SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN time_in_force text NOT NULL DEFAULT 'GTC';

SET lock_timeout = '2s';
ALTER TABLE order_events ADD COLUMN pk bigserial PRIMARY KEY;

SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN entry_price DROP NOT NULL;

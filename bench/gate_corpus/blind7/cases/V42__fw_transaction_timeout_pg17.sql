SET transaction_timeout = '5min';
SET lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN delist_reason text;

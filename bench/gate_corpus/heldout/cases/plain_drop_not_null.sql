SET lock_timeout = '2s';
ALTER TABLE shop_invoice ALTER COLUMN status DROP NOT NULL;

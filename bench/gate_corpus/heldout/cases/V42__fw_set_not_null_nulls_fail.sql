SET lock_timeout = '2s';
ALTER TABLE shop_invoice ALTER COLUMN note SET NOT NULL;

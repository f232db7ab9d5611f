SET lock_timeout = '2s';
ALTER TABLE shop_line ALTER COLUMN sku SET NOT NULL;

SET lock_timeout = '2s';
ALTER TABLE shop_line ADD COLUMN discount numeric(5,2);

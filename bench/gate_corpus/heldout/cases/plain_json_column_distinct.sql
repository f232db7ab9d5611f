SET lock_timeout = '2s';
ALTER TABLE shop_customer ADD COLUMN meta json;
SELECT DISTINCT meta FROM shop_customer;

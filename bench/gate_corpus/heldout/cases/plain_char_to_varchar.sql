SET lock_timeout = '2s';
ALTER TABLE shop_customer ALTER COLUMN country TYPE varchar(2);

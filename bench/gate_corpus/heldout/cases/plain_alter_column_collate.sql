SET lock_timeout = '2s';
ALTER TABLE shop_customer ALTER COLUMN name TYPE varchar(100) COLLATE "C";

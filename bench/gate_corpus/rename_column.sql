SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders RENAME COLUMN qty TO quantity;

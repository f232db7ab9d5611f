ALTER TABLE shop_line ADD COLUMN discount numeric(5,2);

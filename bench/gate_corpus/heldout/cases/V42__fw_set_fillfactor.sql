ALTER TABLE shop_invoice SET (fillfactor = 90);

CREATE INDEX shop_line_sku_idx ON shop_line (sku);

ANALYZE shop_line;

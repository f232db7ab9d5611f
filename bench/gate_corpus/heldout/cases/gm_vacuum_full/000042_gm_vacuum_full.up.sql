VACUUM FULL shop_line;

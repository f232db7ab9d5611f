COMMENT ON TABLE shop_line IS 'invoice lines';
COMMENT ON COLUMN shop_line.sku IS 'stock keeping unit';

COMMENT ON COLUMN positions.notional IS 'size * entry_price, in quote currency';

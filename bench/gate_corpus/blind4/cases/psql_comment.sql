COMMENT ON COLUMN trades.notional IS 'price * quantity, quote currency';

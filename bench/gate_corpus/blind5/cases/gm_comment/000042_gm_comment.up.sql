COMMENT ON COLUMN collateral_positions.haircut_bps IS 'risk haircut applied to the mark';

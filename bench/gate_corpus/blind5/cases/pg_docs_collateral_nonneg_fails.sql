SET lock_timeout = '2s';
ALTER TABLE collateral_positions ADD CONSTRAINT collateral_qty_nonneg CHECK (quantity >= 0) NOT VALID;
ALTER TABLE collateral_positions VALIDATE CONSTRAINT collateral_qty_nonneg;

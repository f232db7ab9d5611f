SET lock_timeout = '2s';
ALTER TABLE fills ADD CONSTRAINT fills_qty_positive CHECK (qty > 0) NOT VALID;
ALTER TABLE fills VALIDATE CONSTRAINT fills_qty_positive;

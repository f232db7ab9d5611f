SET lock_timeout = '2s';
ALTER TABLE fills ADD CONSTRAINT fills_qty_positive CHECK (qty > 0);

SET lock_timeout = '2s';
ALTER TABLE orders_import_2026_09 ADD CONSTRAINT import_price_nn CHECK (price IS NOT NULL) NOT VALID;
ALTER TABLE orders_import_2026_09 ALTER COLUMN price SET NOT NULL;

CREATE UNIQUE INDEX CONCURRENTLY orders_import_pk_idx ON orders_import_2026_09 (id, created_at);
SET lock_timeout = '2s';
ALTER TABLE orders_import_2026_09 ADD CONSTRAINT orders_import_pk PRIMARY KEY USING INDEX orders_import_pk_idx;

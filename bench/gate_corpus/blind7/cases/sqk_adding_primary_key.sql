SET lock_timeout = '2s';
ALTER TABLE orders_import_2026_09 ADD PRIMARY KEY (id, created_at);

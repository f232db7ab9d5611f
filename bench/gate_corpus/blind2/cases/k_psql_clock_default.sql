SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();

SET lock_timeout = '2s';
ALTER TABLE fills ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();

SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN synced_at timestamptz NOT NULL DEFAULT clock_timestamp();

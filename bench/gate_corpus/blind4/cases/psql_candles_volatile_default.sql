SET lock_timeout = '2s';
ALTER TABLE candles ADD COLUMN ingested_at timestamptz NOT NULL DEFAULT clock_timestamp();

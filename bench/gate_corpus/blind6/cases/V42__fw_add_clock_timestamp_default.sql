SET lock_timeout = '2s';
ALTER TABLE audit_log ADD COLUMN ingested_at timestamptz DEFAULT clock_timestamp();

SET lock_timeout = '2s';
ALTER TABLE refunds ALTER COLUMN reason SET DEFAULT 'n/a';

SET lock_timeout = '2s';
ALTER TABLE refunds ADD COLUMN channel text;

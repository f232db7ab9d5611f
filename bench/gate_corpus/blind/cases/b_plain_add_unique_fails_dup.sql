SET lock_timeout = '2s';
ALTER TABLE refunds ADD CONSTRAINT refunds_reason_key UNIQUE (reason);

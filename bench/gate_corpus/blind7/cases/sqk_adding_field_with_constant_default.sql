SET lock_timeout = '2s';
ALTER TABLE funding_rates ADD COLUMN interval_hours integer DEFAULT 8 NOT NULL;

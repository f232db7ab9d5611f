CREATE INDEX CONCURRENTLY IF NOT EXISTS funding_rates_time_idx ON funding_rates (funding_time);

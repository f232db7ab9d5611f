CREATE INDEX funding_rates_time_idx ON funding_rates (funding_time);

SET lock_timeout = '2s';
DROP INDEX trades_market_time_idx;

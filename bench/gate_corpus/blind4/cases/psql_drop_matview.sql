SET lock_timeout = '2s';
DROP MATERIALIZED VIEW daily_volume;

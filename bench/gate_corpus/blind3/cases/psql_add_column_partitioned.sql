SET lock_timeout = '2s';
ALTER TABLE price_index_ticks ADD COLUMN confidence real;

SET lock_timeout = '2s';
ALTER TABLE settlement_batches ADD CONSTRAINT one_open_batch EXCLUDE USING gist (tstzrange(opened_at, coalesce(closed_at, 'infinity')) WITH &&);

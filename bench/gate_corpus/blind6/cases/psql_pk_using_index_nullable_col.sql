SET lock_timeout = '2s';
ALTER TABLE price_snapshots ADD CONSTRAINT price_snapshots_pkey PRIMARY KEY USING INDEX price_snapshots_source_key;

-- Add migration script here
SET lock_timeout = '2s';
ALTER TABLE price_snapshots ADD PRIMARY KEY (asset, taken_at);

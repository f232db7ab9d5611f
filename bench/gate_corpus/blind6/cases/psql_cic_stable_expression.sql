CREATE INDEX CONCURRENTLY counterparties_created_day_idx ON counterparties (date_trunc('day', created_at));

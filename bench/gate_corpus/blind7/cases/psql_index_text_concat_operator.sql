CREATE INDEX CONCURRENTLY markets_pair_idx ON markets ((base_asset || '/' || quote_asset));

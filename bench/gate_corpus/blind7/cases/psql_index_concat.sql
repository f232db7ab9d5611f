CREATE INDEX CONCURRENTLY markets_pair_idx ON markets (concat(base_asset, '/', quote_asset));

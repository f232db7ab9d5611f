CREATE INDEX CONCURRENTLY IF NOT EXISTS collateral_positions_asset_idx ON collateral_positions (asset);

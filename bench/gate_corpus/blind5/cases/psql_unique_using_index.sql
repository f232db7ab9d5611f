CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS treasury_wallets_asset_address_key ON treasury_wallets (asset, network, address);
SET lock_timeout = '2s';
ALTER TABLE treasury_wallets ADD CONSTRAINT treasury_wallets_asset_address_key UNIQUE USING INDEX treasury_wallets_asset_address_key;

CREATE INDEX CONCURRENTLY idx_wallets_asset ON wallets (asset);
CREATE INDEX CONCURRENTLY idx_wallets_created ON wallets (created_at);

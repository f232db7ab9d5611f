CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_wallets_address ON wallets (address);

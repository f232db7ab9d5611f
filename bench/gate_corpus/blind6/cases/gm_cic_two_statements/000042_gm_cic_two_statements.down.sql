DROP INDEX IF EXISTS idx_wallets_asset;
DROP INDEX IF EXISTS idx_wallets_created;

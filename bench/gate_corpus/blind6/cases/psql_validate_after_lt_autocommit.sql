SET lock_timeout = '2s';
ALTER TABLE wallets VALIDATE CONSTRAINT wallets_asset_fk;

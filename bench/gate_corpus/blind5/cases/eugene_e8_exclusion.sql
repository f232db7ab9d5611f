SET lock_timeout = '2s';
ALTER TABLE treasury_wallets ADD CONSTRAINT treasury_wallets_one_hot EXCLUDE USING gist (asset WITH =, network WITH =) WHERE (tier = 'hot' AND is_active);

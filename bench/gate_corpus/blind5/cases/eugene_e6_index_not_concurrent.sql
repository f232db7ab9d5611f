SET lock_timeout = '2s';
CREATE INDEX collateral_positions_wallet_idx ON collateral_positions (wallet_id);

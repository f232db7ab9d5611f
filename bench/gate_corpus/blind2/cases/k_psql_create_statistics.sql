CREATE STATISTICS withdrawals_state_wallet (dependencies) ON state, wallet_id FROM withdrawals;

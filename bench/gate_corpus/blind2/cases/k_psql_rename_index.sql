SET lock_timeout = '2s';
ALTER INDEX withdrawals_wallet_idx RENAME TO withdrawals_wallet_id_idx;

UPDATE treasury_wallets SET is_active = false WHERE last_reconciled_at IS NULL;

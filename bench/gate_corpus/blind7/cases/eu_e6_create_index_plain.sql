SET lock_timeout = '2s';
CREATE INDEX margin_accounts_balance_idx ON margin_accounts (balance);

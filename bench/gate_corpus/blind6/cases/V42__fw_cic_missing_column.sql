CREATE INDEX CONCURRENTLY idx_payouts_bank_account ON payouts (bank_account_id);

SET lock_timeout = '2s';
ALTER TABLE loan_products RENAME COLUMN margin_call_ltv_bps TO call_ltv_bps;

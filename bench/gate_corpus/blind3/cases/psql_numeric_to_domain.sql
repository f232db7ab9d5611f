SET lock_timeout = '2s';
ALTER TABLE margin_accounts ALTER COLUMN balance TYPE usd_amount;

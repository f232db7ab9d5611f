SET lock_timeout = '2s';
ALTER TABLE margin_accounts DROP COLUMN tags;

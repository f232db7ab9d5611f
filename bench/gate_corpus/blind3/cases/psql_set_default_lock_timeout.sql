SET lock_timeout = '2s';
ALTER TABLE margin_accounts ALTER COLUMN leverage SET DEFAULT 5;

SET lock_timeout = '2s';
ALTER TABLE margin_accounts ALTER COLUMN tags TYPE varchar(32)[];

SET lock_timeout = '2s';
ALTER TABLE wallets ALTER COLUMN address TYPE varchar;

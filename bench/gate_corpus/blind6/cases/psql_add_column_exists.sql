SET lock_timeout = '2s';
ALTER TABLE payouts ADD COLUMN status text;

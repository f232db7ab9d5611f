ALTER TABLE payouts ADD COLUMN note text;
SET lock_timeout = '2s';

SET lock_timeout = 0;
ALTER TABLE payouts ADD COLUMN note text;

SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN flagged boolean DEFAULT false;

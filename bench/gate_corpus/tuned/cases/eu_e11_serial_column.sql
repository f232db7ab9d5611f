SET lock_timeout = '2s';
ALTER TABLE currencies ADD COLUMN seq serial;

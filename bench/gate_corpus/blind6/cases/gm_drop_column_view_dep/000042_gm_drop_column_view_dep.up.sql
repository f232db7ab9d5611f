SET lock_timeout = '2s';
ALTER TABLE payouts DROP COLUMN requested_at;

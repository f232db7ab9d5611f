SET lock_timeout = '2s';
DROP TRIGGER IF EXISTS payouts_touch ON payouts;

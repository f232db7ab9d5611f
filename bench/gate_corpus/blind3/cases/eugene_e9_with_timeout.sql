SET lock_timeout = '2s';
ALTER TABLE margin_calls ALTER COLUMN notified_via SET DEFAULT '{email}';

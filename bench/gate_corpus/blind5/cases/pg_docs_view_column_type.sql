SET lock_timeout = '2s';
ALTER TABLE loans ALTER COLUMN outstanding TYPE numeric(40, 18);

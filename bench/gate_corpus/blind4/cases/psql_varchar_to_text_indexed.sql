SET lock_timeout = '2s';
ALTER TABLE markets ALTER COLUMN symbol TYPE text;

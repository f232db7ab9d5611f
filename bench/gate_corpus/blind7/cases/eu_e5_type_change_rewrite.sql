SET lock_timeout = '2s';
ALTER TABLE markets ALTER COLUMN max_leverage TYPE smallint;

SET lock_timeout = '2s';
ALTER TABLE markets ALTER COLUMN base_asset TYPE varchar(32);

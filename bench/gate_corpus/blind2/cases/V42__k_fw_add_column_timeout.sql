SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN memo text;

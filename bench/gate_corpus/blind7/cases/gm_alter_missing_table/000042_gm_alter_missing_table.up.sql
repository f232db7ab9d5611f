SET lock_timeout = '2s';
ALTER TABLE position_snapshots ADD COLUMN note text;

SET lock_timeout = '2s';
ALTER TABLE IF EXISTS position_snapshots ADD COLUMN note text;

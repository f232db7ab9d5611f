SET lock_timeout = '2s';
ALTER TABLE rfqs DROP COLUMN notes;

SET lock_timeout = '2s';
ALTER TABLE rfqs ALTER COLUMN notes TYPE varchar(500);

SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN size TYPE numeric(38, 8);

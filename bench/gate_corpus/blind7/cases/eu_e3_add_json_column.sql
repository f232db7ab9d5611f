SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN meta json;

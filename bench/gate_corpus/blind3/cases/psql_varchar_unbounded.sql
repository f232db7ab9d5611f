SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN status TYPE varchar;

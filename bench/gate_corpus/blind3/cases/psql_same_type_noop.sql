SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN client_tag TYPE varchar(32);

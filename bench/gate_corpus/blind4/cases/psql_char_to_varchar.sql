SET lock_timeout = '2s';
ALTER TABLE accounts ALTER COLUMN country TYPE varchar(2);

-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE assets ALTER COLUMN network TYPE varchar(64);

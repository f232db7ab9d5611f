-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN adl_rank smallint;

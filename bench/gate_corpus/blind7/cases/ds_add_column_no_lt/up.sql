-- Your SQL goes here
ALTER TABLE positions ADD COLUMN adl_rank smallint;

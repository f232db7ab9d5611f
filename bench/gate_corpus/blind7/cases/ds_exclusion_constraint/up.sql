-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE positions ADD CONSTRAINT positions_no_overlap EXCLUDE USING gist (tstzrange(opened_at, closed_at) WITH &&);

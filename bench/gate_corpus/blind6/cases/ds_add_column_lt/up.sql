-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE assets ADD COLUMN min_withdrawal numeric(38, 18);

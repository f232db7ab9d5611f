SET lock_timeout = '2s';
ALTER TABLE quotes ADD COLUMN jitter double precision DEFAULT random();

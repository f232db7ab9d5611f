SET lock_timeout = '2s';
ALTER TABLE comments ADD COLUMN IF NOT EXISTS rnd double precision DEFAULT random();

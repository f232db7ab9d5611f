SET lock_timeout = '2s';
ALTER TABLE funding_rates ADD COLUMN sample double precision DEFAULT random();

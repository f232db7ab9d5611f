SET lock_timeout = '1h';
ALTER TABLE positions ADD COLUMN hedge_ref text;

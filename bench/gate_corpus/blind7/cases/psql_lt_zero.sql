SET lock_timeout = 0;
ALTER TABLE positions ADD COLUMN hedge_ref text;

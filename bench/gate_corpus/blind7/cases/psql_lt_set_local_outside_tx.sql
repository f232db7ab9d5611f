SET LOCAL lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN hedge_ref text;

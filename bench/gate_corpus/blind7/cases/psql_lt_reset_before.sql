SET lock_timeout = '2s';
RESET lock_timeout;
ALTER TABLE positions ADD COLUMN hedge_ref text;

SELECT set_config('lock_timeout', '2s', true);
ALTER TABLE positions ADD COLUMN hedge_ref text;

SELECT set_config('lock_timeout', '2s', false);
ALTER TABLE positions ADD COLUMN hedge_ref text;

SELECT set_config('lock_timeout', '2s', false);
ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);

SELECT set_config('lock_timeout', '3s', false);
ALTER TABLE payouts ADD COLUMN note text;

SET lock_timeout = '2s';
ALTER TABLE fee_tiers ADD COLUMN volume_window_days integer NOT NULL;

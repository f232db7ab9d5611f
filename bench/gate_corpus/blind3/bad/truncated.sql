SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN hedge_mode boolean DEFAULT fal
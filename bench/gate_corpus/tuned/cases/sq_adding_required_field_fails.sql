SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN tier text NOT NULL;

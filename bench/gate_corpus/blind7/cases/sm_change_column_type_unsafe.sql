SET lock_timeout = '2s';
ALTER TABLE fee_tiers ALTER COLUMN tier TYPE text;

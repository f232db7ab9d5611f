SET lock_timeout = '2s';
ALTER TABLE fee_tiers DROP COLUMN maker_bps;

-- depends: 20261201_01_perps

SET lock_timeout = '2s';
ALTER TABLE fee_tiers ADD COLUMN min_volume_usd numeric;

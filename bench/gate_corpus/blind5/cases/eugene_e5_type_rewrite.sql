SET lock_timeout = '2s';
ALTER TABLE collateral_positions ALTER COLUMN haircut_bps TYPE bigint;

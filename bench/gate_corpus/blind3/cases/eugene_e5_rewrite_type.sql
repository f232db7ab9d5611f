SET lock_timeout = '2s';
ALTER TABLE funding_rates ALTER COLUMN rate TYPE numeric(14, 12);

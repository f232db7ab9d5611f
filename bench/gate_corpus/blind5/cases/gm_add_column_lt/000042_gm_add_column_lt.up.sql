SET lock_timeout = '2s';
ALTER TABLE treasury_transfers ADD COLUMN memo text;

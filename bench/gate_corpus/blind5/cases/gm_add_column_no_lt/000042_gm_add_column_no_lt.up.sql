ALTER TABLE treasury_transfers ADD COLUMN memo text;

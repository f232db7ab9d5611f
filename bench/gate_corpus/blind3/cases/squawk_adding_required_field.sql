ALTER TABLE markets ADD COLUMN settlement_asset text NOT NULL;

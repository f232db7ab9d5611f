ALTER TABLE markets ADD COLUMN contract_size numeric(20, 8);

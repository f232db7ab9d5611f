ALTER TABLE accounts ADD COLUMN nick text;

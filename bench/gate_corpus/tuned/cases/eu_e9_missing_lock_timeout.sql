ALTER TABLE currencies ADD COLUMN symbol text;

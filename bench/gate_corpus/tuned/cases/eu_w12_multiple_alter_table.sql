SET lock_timeout = '2s';
ALTER TABLE currencies ADD COLUMN a int;
ALTER TABLE currencies ADD COLUMN b int;

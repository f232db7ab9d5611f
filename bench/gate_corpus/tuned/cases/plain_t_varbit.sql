CREATE TABLE flags (b varbit(8));
SET lock_timeout = '2s';
ALTER TABLE flags ALTER COLUMN b TYPE varbit(16);

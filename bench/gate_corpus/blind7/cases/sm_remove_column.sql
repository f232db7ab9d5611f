SET lock_timeout = '2s';
ALTER TABLE markets DROP COLUMN listed_at;

SET lock_timeout = '2s';
ALTER TABLE journal_lines ALTER COLUMN amount TYPE numeric(40, 18);

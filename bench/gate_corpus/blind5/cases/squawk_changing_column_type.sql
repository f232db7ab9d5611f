SET lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN full_name TYPE varchar(200);

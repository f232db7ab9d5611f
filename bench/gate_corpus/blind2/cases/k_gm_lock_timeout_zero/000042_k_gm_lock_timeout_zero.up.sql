SET lock_timeout = 0;
ALTER TABLE clients ADD COLUMN lei varchar(20);

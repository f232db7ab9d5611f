SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN booked_on date DEFAULT CURRENT_DATE;

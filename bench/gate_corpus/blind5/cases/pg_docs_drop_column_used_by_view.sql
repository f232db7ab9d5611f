SET lock_timeout = '2s';
ALTER TABLE loans DROP COLUMN current_ltv;

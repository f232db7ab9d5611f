SET lock_timeout = '2s';
ALTER TABLE loans RENAME COLUMN current_ltv TO ltv;

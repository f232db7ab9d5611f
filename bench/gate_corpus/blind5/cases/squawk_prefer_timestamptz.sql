SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN last_margin_check timestamp;

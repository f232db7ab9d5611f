SET lock_timeout = '2s';
ALTER TABLE fills RENAME COLUMN settled TO is_settled;

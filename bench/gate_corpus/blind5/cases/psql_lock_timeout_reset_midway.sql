SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN collections_agent text;
RESET lock_timeout;
ALTER TABLE customers ADD COLUMN collections_notes text;

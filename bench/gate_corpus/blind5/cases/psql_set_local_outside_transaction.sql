SET LOCAL lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN collections_agent text;

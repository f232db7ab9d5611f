SET lock_timeout = 0;
ALTER TABLE loans ADD COLUMN collections_agent text;

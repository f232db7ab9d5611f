SET statement_timeout = '5s';
ALTER TABLE loans ADD COLUMN collections_agent text;

SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN outstanding_ratio numeric GENERATED ALWAYS AS (outstanding / principal) STORED;

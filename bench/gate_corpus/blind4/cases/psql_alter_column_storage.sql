SET lock_timeout = '2s';
ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTERNAL;

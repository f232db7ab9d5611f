SET lock_timeout = '2s';
DROP INDEX IF EXISTS loans_status_idx;

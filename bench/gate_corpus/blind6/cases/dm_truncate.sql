-- migrate:up
TRUNCATE audit_log;

-- migrate:down
SELECT 1;

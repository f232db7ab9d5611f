-- Relations another session holds or waits for in ACCESS EXCLUSIVE mode: reading their sizes would wait for it.
SELECT DISTINCT l.relation::bigint AS oid, n.nspname AS schema, c.relname AS name, l.pid, l.granted
FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY n.nspname, c.relname;

-- pgtune check --trace: the relation locks the traced backend holds, read by the second session.
SELECT relation, mode FROM pg_locks
WHERE pid = %s AND locktype = 'relation' AND granted AND database = (SELECT oid FROM pg_database
  WHERE datname = current_database())

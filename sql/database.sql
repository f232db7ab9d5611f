-- This database's counters and wraparound age.
SELECT d.datname AS name, s.xact_commit, s.xact_rollback, s.blks_read, s.blks_hit, s.temp_files, s.temp_bytes,
    s.deadlocks, s.conflicts, age(d.datfrozenxid) AS xid_age, mxid_age(d.datminmxid) AS mxid_age, s.stats_reset
FROM pg_database d
JOIN pg_stat_database s ON s.datid = d.oid
WHERE d.datname = current_database();

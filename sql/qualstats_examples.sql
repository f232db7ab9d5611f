-- One example per normalized statement, as the application wrote it: inline constants kept, bound
-- parameters as $n. pg_qualstats keeps its examples for the whole server by queryid: only statements it
-- saw in this database, and never pgtune's own PREPAREd plans (one name now, numbered names before).
SELECT e.queryid, e.query AS text
FROM {qualstats}.pg_qualstats_example_queries() e
WHERE e.query NOT LIKE 'PREPARE "pgtune\_plan%%'
    AND e.queryid IN (
        SELECT q.queryid FROM {qualstats}.pg_qualstats q
        WHERE q.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    )
LIMIT %(limit)s;

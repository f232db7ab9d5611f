-- One example per normalized statement, as the application wrote it: inline constants kept, bound
-- parameters as $n. pgtune's own PREPAREd plans are left out.
SELECT queryid, query AS text
FROM {qualstats}.pg_qualstats_example_queries()
WHERE query NOT LIKE 'PREPARE "pgtune\_plan\_%%'
LIMIT %(limit)s;

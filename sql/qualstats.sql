-- pg_qualstats predicates of this database that compare a column with a constant.
SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, o.oprname AS operator,
    q.constvalue AS constant, q.execution_count AS executions,
    coalesce(q.nbfiltered::float8 / nullif(q.execution_count, 0), 0) AS filter_ratio, q.queryid
FROM {qualstats}.pg_qualstats q
JOIN pg_class c ON c.oid = q.lrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = q.lrelid AND a.attnum = q.lattnum
JOIN pg_operator o ON o.oid = q.opno
WHERE q.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND q.rrelid IS NULL
ORDER BY q.execution_count DESC
LIMIT %(limit)s;

-- The EXPLAIN ANALYZE guard: the schemas an unqualified name may resolve to in this session.
SELECT current_schemas(true) AS path;

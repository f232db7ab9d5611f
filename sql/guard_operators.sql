-- The EXPLAIN ANALYZE guard: operators by oid or (schema, name), with the function each one calls.
SELECT o.oid::bigint AS oid, n.nspname AS schema, o.oprname AS name, o.oprcode::oid::bigint AS function
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE o.oid = ANY(%(oids)s::oid[])
    OR (n.nspname, o.oprname) IN (SELECT * FROM unnest(%(schemas)s::text[], %(names)s::text[]))

-- The EXPLAIN ANALYZE guard: types by oid or (schema, name): their domain base, input function and the casts into them.
SELECT t.oid::bigint AS oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
    t.typbasetype::bigint AS base_type, t.typinput::oid::bigint AS input_function,
    ARRAY(SELECT c.castfunc::bigint FROM pg_cast c WHERE c.casttarget = t.oid AND c.castfunc <> 0) AS cast_functions
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid = ANY(%(oids)s::oid[])
    OR (n.nspname, t.typname) IN (SELECT * FROM unnest(%(schemas)s::text[], %(names)s::text[]))

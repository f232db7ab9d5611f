-- The EXPLAIN ANALYZE guard: functions by oid or by (schema, name), with what decides whether they are safe to run.
SELECT p.oid::bigint AS oid, n.nspname AS schema, p.proname AS name, p.provolatile AS volatility,
    l.lanname AS language, p.prokind AS kind, p.prosrc AS source, FALSE AS has_sql_body,
    p.oid < 16384 AS builtin,
    EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        AS in_extension,
    ARRAY(SELECT f::oid::bigint FROM pg_aggregate a,
            unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
                         a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn]) AS f
          WHERE a.aggfnoid = p.oid AND f::oid <> 0) AS parts
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.oid = ANY(%(oids)s::oid[])
    OR (n.nspname, p.proname) IN (SELECT * FROM unnest(%(schemas)s::text[], %(names)s::text[]))

-- Functions that are not immutable, with their argument types: an index expression may not call them.
SELECT p.proname AS name, p.provolatile::text AS volatility,
    ARRAY(SELECT t.typname::text FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(oid, n)
          JOIN pg_type t ON t.oid = a.oid ORDER BY a.n) AS arg_types
FROM pg_proc p
WHERE p.provolatile <> 'i' AND p.prokind = 'f'
ORDER BY 1, 3;

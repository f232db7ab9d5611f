-- Every cast with how volatile it is (binary-coercible and in/out casts count as their functions' volatility);
-- a cast without a row here is an I/O coercion, as volatile as the target type's input function.
SELECT s.typname AS source, t.typname AS target, COALESCE(p.provolatile, 'i')::text AS volatility
FROM pg_cast c
JOIN pg_type s ON s.oid = c.castsource
JOIN pg_type t ON t.oid = c.casttarget
LEFT JOIN pg_proc p ON p.oid = c.castfunc
UNION ALL
SELECT NULL, t.typname, p.provolatile::text
FROM pg_type t
JOIN pg_proc p ON p.oid = t.typinput
WHERE p.provolatile <> 'i' AND t.typtype IN ('b', 'r', 'm', 'e') AND t.typelem = 0
ORDER BY 1 NULLS FIRST, 2;

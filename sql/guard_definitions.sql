-- The EXPLAIN ANALYZE guard: the SQL that reading a view or a table with row security, or a cast to a domain, runs, as text.
SELECT 'view ' || c.oid::regclass::text AS used_by, pg_get_viewdef(c.oid) AS statement
FROM pg_class c WHERE c.oid = ANY(%(views)s::oid[])
UNION ALL
SELECT 'policy ' || p.polname || ' on ' || p.polrelid::regclass::text, 'SELECT ' || pg_get_expr(p.polqual, p.polrelid)
FROM pg_policy p WHERE p.polrelid = ANY(%(secured)s::oid[]) AND p.polqual IS NOT NULL
UNION ALL
SELECT 'constraint ' || c.conname || ' of domain ' || c.contypid::regtype::text, 'SELECT ' || pg_get_expr(c.conbin, 0)
FROM pg_constraint c WHERE c.contypid = ANY(%(domains)s::oid[]) AND c.conbin IS NOT NULL

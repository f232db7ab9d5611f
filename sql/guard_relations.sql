-- The EXPLAIN ANALYZE guard: relations by (schema, name), with whether reading them may reach a foreign table.
WITH RECURSIVE wanted AS (
    SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind, c.relrowsecurity
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE (n.nspname, c.relname) IN (SELECT * FROM unnest(%(schemas)s::text[], %(names)s::text[]))
       OR c.oid = ANY(%(oids)s::oid[])
), descendants AS (
    SELECT w.oid AS root, i.inhrelid AS child FROM wanted w JOIN pg_inherits i ON i.inhparent = w.oid
    UNION
    SELECT d.root, i.inhrelid FROM descendants d JOIN pg_inherits i ON i.inhparent = d.child
)
SELECT w.oid::bigint AS oid, w.schema, w.name, w.relkind::text AS kind, w.relrowsecurity AS row_security,
    EXISTS (SELECT 1 FROM descendants d JOIN pg_class c ON c.oid = d.child
            WHERE d.root = w.oid AND c.relkind = 'f') AS foreign_descendant
FROM wanted w

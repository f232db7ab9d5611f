-- Every constraint on a user table, with its columns and, for foreign keys, what it references.
SELECT n.nspname AS schema, t.relname AS table, con.conname AS name, con.contype::text AS kind,
    ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, pos)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.pos) AS columns,
    pg_get_constraintdef(con.oid, true) AS definition, con.convalidated AS validated,
    CASE WHEN con.contype = 'f'
         THEN quote_ident(rn.nspname) || '.' || quote_ident(r.relname) END AS referenced_table,
    ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, pos)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.pos)
        AS referenced_columns
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
LEFT JOIN pg_class r ON r.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  -- pg_get_constraintdef waits for a lock another session holds: such relations are left out (locks.py).
  AND t.oid <> ALL(%(locked)s::oid[]) AND (con.confrelid = 0 OR con.confrelid <> ALL(%(locked)s::oid[]))
ORDER BY n.nspname, t.relname, con.conname;

-- Every user sequence: how far it has gone towards its maximum, and the column that owns it.
SELECT s.schemaname AS schema, s.sequencename AS name, format_type(s.data_type, NULL) AS data_type, s.last_value,
    s.max_value, s.increment_by,
    (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
     FROM pg_depend d
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_namespace tn ON tn.oid = t.relnamespace
     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.classid = 'pg_class'::regclass AND d.objid = sc.oid AND d.deptype IN ('a', 'i')
       AND d.refclassid = 'pg_class'::regclass
     LIMIT 1) AS owned_by
FROM pg_sequences s
JOIN pg_namespace sn ON sn.nspname = s.schemaname
JOIN pg_class sc ON sc.relnamespace = sn.oid AND sc.relname = s.sequencename
WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
ORDER BY s.schemaname, s.sequencename;

-- Is HypoPG created in this database, in which schema, and can it hide real indexes (1.4.0+).
SELECT e.extversion AS version, n.nspname AS schema,
       EXISTS (SELECT 1 FROM pg_proc p WHERE p.proname = 'hypopg_hide_index' AND p.pronamespace = e.extnamespace)
           AS can_hide_indexes
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'hypopg';

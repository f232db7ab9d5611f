-- The EXPLAIN ANALYZE guard: every schema, for the names in function bodies (which may set their own search_path).
SELECT nspname FROM pg_namespace;

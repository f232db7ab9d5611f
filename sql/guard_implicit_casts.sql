-- The EXPLAIN ANALYZE guard: user-defined implicit casts, which any comparison may call unseen in the text.
SELECT c.castfunc::bigint AS function FROM pg_cast c WHERE c.oid >= 16384 AND c.castcontext = 'i' AND c.castfunc <> 0

-- The oid of an index named schema.name, or NULL when there is none.
SELECT to_regclass(%(name)s)::oid AS oid;

-- pgtune check --trace: the clone's enum values (each value's oid survives ALTER TYPE ... RENAME VALUE), read by
-- the traced session.
SELECT e.oid, n.nspname || '.' || t.typname AS enum, e.enumlabel
FROM pg_enum e
JOIN pg_type t ON t.oid = e.enumtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')

-- Who and where pgtune is: version, database, role, extensions (installed, and those the server could install)
-- and the database's size, in one round trip.
SELECT current_setting('server_version') AS version,
    current_setting('server_version_num')::int AS version_num,
    current_database() AS database, current_user AS role,
    (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS is_superuser,
    pg_has_role(current_user, 'pg_monitor', 'USAGE') AS has_pg_monitor,
    pg_database_size(current_database()) AS database_size_bytes,
    pg_postmaster_start_time() AS started_at,
    coalesce((SELECT json_agg(json_build_object('name', e.extname, 'version', e.extversion, 'schema', n.nspname)
                               ORDER BY e.extname)
              FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace), '[]') AS extensions,
    coalesce((SELECT json_agg(name ORDER BY name) FROM pg_available_extensions), '[]') AS available_extensions;

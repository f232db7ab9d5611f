-- Everything `pgtune doctor` needs, in one round trip.
SELECT
    current_setting('server_version') AS server_version,
    -- Superuser-only to read: NULL without pg_read_all_settings, and the preload is then inferred.
    CASE WHEN pg_has_role(current_user, 'pg_read_all_settings', 'USAGE')
         THEN current_setting('shared_preload_libraries') END AS shared_preload_libraries,
    current_setting('track_io_timing') AS track_io_timing,
    (SELECT setting::int FROM pg_settings WHERE name = 'track_activity_query_size') AS track_activity_query_size_bytes,
    current_setting('pg_stat_statements.max', true) AS pgss_max,
    (SELECT reset_val FROM pg_settings WHERE name = 'pg_stat_statements.track') AS pgss_track,
    current_user AS role_name,
    (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS is_superuser,
    pg_has_role(current_user, 'pg_monitor', 'USAGE') AS has_pg_monitor,
    pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS has_pg_read_all_stats,
    ext.pgss_version,
    ext.pgss_schema,
    (SELECT default_version FROM pg_available_extensions WHERE name = 'hypopg') AS hypopg_available,
    (SELECT extversion FROM pg_extension WHERE extname = 'hypopg') AS hypopg_version,
    (SELECT default_version FROM pg_available_extensions WHERE name = 'pg_qualstats') AS qualstats_available,
    (SELECT extversion FROM pg_extension WHERE extname = 'pg_qualstats') AS qualstats_version,
    (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS timescaledb_version,
    (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS database_stats_reset,
    now() AS observed_at
FROM (
    SELECT
        (SELECT e.extversion FROM pg_extension e WHERE e.extname = 'pg_stat_statements') AS pgss_version,
        (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
          WHERE e.extname = 'pg_stat_statements') AS pgss_schema
) AS ext;

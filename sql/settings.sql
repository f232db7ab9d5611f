-- Every setting as the server reports it (values of superuser-only settings are hidden without pg_read_all_settings).
-- What pgtune's own session SETs (timeouts, tracking off) is not the server's: those show their reset value.
SELECT name, CASE WHEN source = 'session' THEN reset_val ELSE setting END AS value, unit, context, source, boot_val AS boot_value, pending_restart
FROM pg_settings
ORDER BY name;

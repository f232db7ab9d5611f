-- Every setting as the server reports it (values of superuser-only settings are hidden without pg_read_all_settings).
SELECT name, setting AS value, unit, context, source, boot_val AS boot_value, pending_restart
FROM pg_settings
ORDER BY name;

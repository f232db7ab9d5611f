ALTER FUNCTION set_updated_at() SET search_path = public, pg_temp;

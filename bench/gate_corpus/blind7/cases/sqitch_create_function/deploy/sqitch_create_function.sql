-- Deploy perps:fn_funding to pg

BEGIN;

CREATE FUNCTION funding_owed(p_size numeric, p_price numeric, p_rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_size * p_price * p_rate $$;

COMMIT;

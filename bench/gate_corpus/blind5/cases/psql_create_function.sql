CREATE OR REPLACE FUNCTION daily_interest_amount(principal numeric, apr_bps integer) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT round(principal * apr_bps / 10000.0 / 365, 8) $$;

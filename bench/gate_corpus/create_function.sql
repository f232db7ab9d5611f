CREATE OR REPLACE FUNCTION order_notional(p numeric, q numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT p * q $$;

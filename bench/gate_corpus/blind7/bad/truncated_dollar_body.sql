CREATE FUNCTION hedge_ratio() RETURNS numeric LANGUAGE plpgsql AS $fn$
BEGIN
    RETURN 1;

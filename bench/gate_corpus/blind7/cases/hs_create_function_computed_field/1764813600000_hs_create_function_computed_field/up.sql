CREATE OR REPLACE FUNCTION position_notional(p positions) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT p.size * p.entry_price $$;

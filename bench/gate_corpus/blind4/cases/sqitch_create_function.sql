-- Deploy exchange:fn_fee to pg

BEGIN;

CREATE OR REPLACE FUNCTION taker_fee(bps numeric, notional numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT notional * bps / 10000 $$;

COMMIT;

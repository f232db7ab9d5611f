CREATE FUNCTION payout_guard() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    RETURN NEW;
END
$bod;

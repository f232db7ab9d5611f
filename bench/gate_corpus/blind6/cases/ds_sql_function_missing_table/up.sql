-- Your SQL goes here
CREATE FUNCTION payout_total(p_wallet bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(amount) FROM payout_lines WHERE wallet_id = p_wallet $$;

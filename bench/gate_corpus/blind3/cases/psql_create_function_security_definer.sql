CREATE FUNCTION account_balance(p bigint) RETURNS numeric LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT balance FROM margin_accounts WHERE id = p $$;

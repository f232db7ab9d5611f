CREATE OR REPLACE FUNCTION invoice_total(bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT total FROM shop_invoice WHERE id = $1 $$;

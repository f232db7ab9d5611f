SET lock_timeout = '2s';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.issued_at := now(); RETURN NEW; END $$;
CREATE TRIGGER shop_invoice_touch BEFORE UPDATE ON shop_invoice FOR EACH ROW EXECUTE FUNCTION touch();

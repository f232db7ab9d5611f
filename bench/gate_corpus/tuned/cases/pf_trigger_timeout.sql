SET lock_timeout = '2s';
CREATE FUNCTION audit_fill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER fills_audit AFTER INSERT ON fills FOR EACH ROW EXECUTE FUNCTION audit_fill();

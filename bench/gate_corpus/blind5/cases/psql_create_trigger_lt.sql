SET lock_timeout = '2s';
CREATE FUNCTION audit_margin_call() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (actor, action, entity_type, entity_id) VALUES (current_user, 'margin_call.raise', 'loan', NEW.loan_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER margin_calls_audit AFTER INSERT ON margin_calls FOR EACH ROW EXECUTE FUNCTION audit_margin_call();

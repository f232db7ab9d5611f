SET lock_timeout = '2s';
CREATE OR REPLACE FUNCTION audit_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER kyc_documents_audit AFTER UPDATE ON kyc_documents FOR EACH ROW EXECUTE FUNCTION audit_noop();

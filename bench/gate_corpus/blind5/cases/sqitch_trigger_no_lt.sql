-- Deploy exchange:wallets_audit to pg

BEGIN;

CREATE TRIGGER treasury_wallets_touch BEFORE UPDATE ON treasury_wallets FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance) EXECUTE FUNCTION audit_treasury_transfer();

COMMIT;

BEGIN;
--
-- Raw SQL operation
--
CREATE TRIGGER trades_audit AFTER INSERT ON trades FOR EACH ROW EXECUTE FUNCTION audit_payout();
COMMIT;

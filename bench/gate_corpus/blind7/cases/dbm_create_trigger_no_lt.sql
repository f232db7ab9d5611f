-- migrate:up
CREATE TRIGGER positions_audit AFTER INSERT ON positions FOR EACH ROW EXECUTE FUNCTION log_liquidation();

-- migrate:down
DROP TRIGGER positions_audit ON positions;

-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE staking_delegations ADD COLUMN updated_at TIMESTAMPTZ;
CREATE TRIGGER staking_delegations_updated_at BEFORE UPDATE ON staking_delegations FOR EACH ROW EXECUTE FUNCTION set_updated_at();

SET lock_timeout = '2s';
CREATE OR REPLACE TRIGGER margin_accounts_touch BEFORE UPDATE ON margin_accounts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

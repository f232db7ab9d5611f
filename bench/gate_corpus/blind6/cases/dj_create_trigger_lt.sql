BEGIN;
--
-- Raw SQL operation
--
SET lock_timeout = '2s';
CREATE TRIGGER trades_touch BEFORE UPDATE ON trades FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
COMMIT;

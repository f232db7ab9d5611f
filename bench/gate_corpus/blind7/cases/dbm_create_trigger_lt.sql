-- migrate:up
SET lock_timeout = '2s';
CREATE TRIGGER api_keys_touch BEFORE UPDATE ON api_keys FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- migrate:down
DROP TRIGGER api_keys_touch ON api_keys;

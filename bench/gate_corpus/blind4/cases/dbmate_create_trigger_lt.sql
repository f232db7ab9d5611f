-- migrate:up
SET lock_timeout = '2s';
CREATE TRIGGER tickers_touch BEFORE UPDATE ON tickers FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- migrate:down
DROP TRIGGER tickers_touch ON tickers;

BEGIN;
CREATE INDEX CONCURRENTLY fills_trade_idx ON fills (trade_id);
COMMIT;

SET lock_timeout = '2s';
CREATE INDEX liquidations_market_idx ON ONLY liquidations (market_id);
CREATE INDEX CONCURRENTLY liquidations_partial_market_idx ON liquidations_partial (market_id);
CREATE INDEX CONCURRENTLY liquidations_full_market_idx ON liquidations_full (market_id);
CREATE INDEX CONCURRENTLY liquidations_adl_market_idx ON liquidations_adl (market_id);
ALTER INDEX liquidations_market_idx ATTACH PARTITION liquidations_partial_market_idx;
ALTER INDEX liquidations_market_idx ATTACH PARTITION liquidations_full_market_idx;
ALTER INDEX liquidations_market_idx ATTACH PARTITION liquidations_adl_market_idx;

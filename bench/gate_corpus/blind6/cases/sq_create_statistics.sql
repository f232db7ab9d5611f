-- Deploy exchange:rfq_stats to pg

BEGIN;

CREATE STATISTICS rfqs_pair_stats (dependencies, ndistinct) ON base_asset, quote_asset FROM rfqs;

COMMIT;

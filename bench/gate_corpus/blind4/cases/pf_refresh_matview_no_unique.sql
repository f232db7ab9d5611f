CREATE MATERIALIZED VIEW asset_totals AS SELECT asset, sum(available) AS total FROM balances GROUP BY asset;
REFRESH MATERIALIZED VIEW CONCURRENTLY asset_totals;

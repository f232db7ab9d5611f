-- migrate:up
CREATE MATERIALIZED VIEW liquidation_totals AS
SELECT market_id, kind, sum(qty) AS qty FROM liquidations GROUP BY 1, 2
WITH NO DATA;

-- migrate:down
DROP MATERIALIZED VIEW liquidation_totals;

-- migrate:up
CREATE MATERIALIZED VIEW market_fee_revenue AS SELECT market_id, sum(coalesce(maker_fee, 0) + coalesce(taker_fee, 0)) AS fees FROM trades GROUP BY market_id;

-- migrate:down
DROP MATERIALIZED VIEW market_fee_revenue;

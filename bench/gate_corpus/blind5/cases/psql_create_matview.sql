CREATE MATERIALIZED VIEW customer_deposit_totals AS
SELECT customer_id, currency, sum(amount) AS total, count(*) AS deposits FROM fiat_deposits WHERE status = 'credited' GROUP BY customer_id, currency;
CREATE UNIQUE INDEX customer_deposit_totals_key ON customer_deposit_totals (customer_id, currency);

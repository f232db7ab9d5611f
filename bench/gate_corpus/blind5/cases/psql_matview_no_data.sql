CREATE MATERIALIZED VIEW monthly_card_volume AS
SELECT date_trunc('month', authorized_at) AS month, currency, sum(amount_minor) AS volume_minor FROM card_payments GROUP BY 1, 2
WITH NO DATA;

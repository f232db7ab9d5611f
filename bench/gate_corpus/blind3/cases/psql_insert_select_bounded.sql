INSERT INTO funding_payments (account_id, market_id, funding_time, amount, rate)
SELECT account_id, market_id, funding_time + interval '8 hours', 0, 0 FROM funding_payments_2026_12 LIMIT 500;

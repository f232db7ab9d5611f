UPDATE positions p SET mark_price = fr.mark_price
FROM (SELECT DISTINCT ON (market_id) market_id, mark_price FROM funding_rates ORDER BY market_id, funding_time DESC) fr
WHERE fr.market_id = p.market_id;

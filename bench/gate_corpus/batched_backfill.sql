UPDATE orders SET fee_currency = 'USDT'
WHERE id IN (SELECT id FROM orders WHERE fee_currency IS NULL ORDER BY id LIMIT 5000);

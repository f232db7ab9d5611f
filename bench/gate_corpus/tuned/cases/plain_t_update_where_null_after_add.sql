SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN fee_ccy text;
UPDATE orders SET fee_ccy = 'USDT' WHERE fee_ccy IS NULL;

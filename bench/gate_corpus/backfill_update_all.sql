UPDATE orders SET fee_currency = 'USDT';

INSERT INTO markets (symbol, base, quote, tick_size, lot_size) VALUES ('BTC-USDT', 'BTC', 'USDT', 0.1, 0.001);

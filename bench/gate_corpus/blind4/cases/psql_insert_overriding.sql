INSERT INTO markets (id, symbol, base, quote, tick_size, lot_size) OVERRIDING SYSTEM VALUE VALUES (99, 'SOL-BTC', 'SOL', 'BTC', 0.00000001, 0.01);

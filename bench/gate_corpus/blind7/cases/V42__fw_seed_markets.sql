INSERT INTO markets (id, symbol, base_asset, tick_size, max_leverage) VALUES (41, 'PERP41-USDT', 'C41', 0.001, 20);

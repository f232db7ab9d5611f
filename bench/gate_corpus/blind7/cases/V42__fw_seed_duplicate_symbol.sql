INSERT INTO markets (id, symbol, base_asset, tick_size, max_leverage) VALUES (41, 'PERP7-USDT', 'C7', 0.001, 20);

INSERT INTO markets (id, symbol, base_asset, tick_size, max_leverage) VALUES (7, 'PERP7-USDT', 'C7', 0.01, 50)
ON CONFLICT (id) DO NOTHING;

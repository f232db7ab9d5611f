INSERT INTO assets (symbol, name, decimals, is_stablecoin) VALUES ('USDC', 'USD Coin', 6, true), ('PYUSD', 'PayPal USD', 6, true) ON CONFLICT (symbol) DO NOTHING;

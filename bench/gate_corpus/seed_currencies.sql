INSERT INTO currencies (code, name) VALUES ('USDT', 'Tether'), ('BTC', 'Bitcoin')
ON CONFLICT (code) DO NOTHING;

INSERT INTO assets (symbol, name, decimals) VALUES ('LINK', 'Chainlink', 18) ON CONFLICT DO NOTHING;

INSERT INTO assets (code, name, network, decimals) VALUES ('USDC', 'USD Coin', 'ethereum', 6);

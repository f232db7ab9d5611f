INSERT INTO wallets (counterparty_id, asset, address) VALUES (99999, 'BTC', 'bc1qtreasury');

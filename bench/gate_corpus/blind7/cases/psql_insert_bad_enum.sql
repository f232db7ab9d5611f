INSERT INTO positions (margin_account_id, market_id, side, size, entry_price) VALUES (1, 1, 'flat', 1, 100);

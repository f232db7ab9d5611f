UPDATE trades SET notional = 0 WHERE id = 1;

UPDATE trades SET fee = notional / 0 WHERE id = 1;

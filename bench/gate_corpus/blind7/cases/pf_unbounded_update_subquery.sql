UPDATE positions SET realized_pnl = realized_pnl + 0 WHERE market_id IN (SELECT id FROM markets);

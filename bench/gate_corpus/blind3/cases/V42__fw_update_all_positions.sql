UPDATE positions SET realized_pnl = round(realized_pnl, 4);

SET lock_timeout = '2s';
CREATE OR REPLACE VIEW open_positions AS
    SELECT p.id, p.margin_account_id, m.symbol, p.side, p.size, p.entry_price, p.liquidation_price, p.opened_at, p.realized_pnl
    FROM positions p JOIN markets m ON m.id = p.market_id
    WHERE p.status = 'open';

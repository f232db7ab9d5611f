create index idx_trades_quote on trades (quote_id);

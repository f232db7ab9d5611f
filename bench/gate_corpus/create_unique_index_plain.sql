CREATE UNIQUE INDEX fills_trade_id_key ON fills (trade_id);

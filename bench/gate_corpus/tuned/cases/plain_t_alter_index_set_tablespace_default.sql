SET lock_timeout = '2s';
ALTER INDEX fills_order_id_idx SET (fillfactor = 70);

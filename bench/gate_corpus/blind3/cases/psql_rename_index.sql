SET lock_timeout = '2s';
ALTER INDEX positions_open_idx RENAME TO positions_open_by_market_idx;

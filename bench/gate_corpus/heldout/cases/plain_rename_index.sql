SET lock_timeout = '2s';
ALTER INDEX shop_invoice_status_idx RENAME TO shop_invoice_state_idx;

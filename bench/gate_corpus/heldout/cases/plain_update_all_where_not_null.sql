UPDATE shop_invoice SET status = upper(status) WHERE status IS NOT NULL;

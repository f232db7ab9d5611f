COMMENT ON COLUMN orders.client_ref IS 'client order id';
